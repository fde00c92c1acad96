#!/usr/bin/env python3
"""Regenerates the signed Amazon SNS test fixtures in this folder.

The messages are shaped like the examples of the Amazon SNS developer guide (HTTP/HTTPS subscription
confirmation and notification JSON formats) carrying a CloudWatch alarm. They are signed here, with
openssl and a throw-away test key, over the canonical string the guide describes ("Name\\nvalue\\n" for
each signed field in byte order), so that the Java verifier is checked against an independent signer.

The key and certificates are test material only (CN=sns.amazonaws.com, self-signed, valid 100 years):
  test-signing-key.pem   private key that signs the fixtures
  test-signing-cert.pem  its certificate, what the tests' SnsCertificates hands out
  other-cert.pem         a certificate of an unrelated key (signature must not verify with it)

Run from this folder: python3 make-fixtures.py
"""
import base64
import json
import os
import subprocess
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
KEY = os.path.join(HERE, "test-signing-key.pem")
CERT = os.path.join(HERE, "test-signing-cert.pem")
OTHER_CERT = os.path.join(HERE, "other-cert.pem")
SUBJECT = "/C=US/O=incidentflow tests/CN=sns.amazonaws.com"


def make_cert(key, cert):
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key,
                    "-out", cert, "-days", "36500", "-subj", SUBJECT, "-sha256"],
                   check=True, capture_output=True)


if not (os.path.exists(KEY) and os.path.exists(CERT)):
    make_cert(KEY, CERT)
if not os.path.exists(OTHER_CERT):
    with tempfile.TemporaryDirectory() as tmp:
        make_cert(os.path.join(tmp, "other-key.pem"), OTHER_CERT)

NOTIFICATION = ["Message", "MessageId", "Subject", "Timestamp", "TopicArn", "Type"]
CONFIRMATION = ["Message", "MessageId", "SubscribeURL", "Timestamp", "Token", "TopicArn", "Type"]
CERT_URL = "https://sns.us-west-2.amazonaws.com/SimpleNotificationService-f3ecfb7224c7233fe7bb5f59f96de52f.pem"
TOPIC = "arn:aws:sns:us-west-2:123456789012:MyTopic"
TOKEN = ("2336412f37fb687f5d51e6e241d09c805a5a57b30d712f794cc5f6a988666d92768dd60a747ba6f3beb71854e285d6ad0"
         "2428b09ceece29417f1f02d609c582afbacc99c583a916b9981dd2728f4ae6fdb82efd087cc3b7849e05798d2d2785c03"
         "b0879594eeac82c01f235d0e717736")


def sign(message, fields):
    canonical = "".join(f"{name}\n{message[name]}\n" for name in fields if name in message)
    digest = "-sha1" if message["SignatureVersion"] == "1" else "-sha256"
    signature = subprocess.run(["openssl", "dgst", digest, "-sign", KEY],
                               input=canonical.encode("utf-8"), check=True, capture_output=True).stdout
    message["Signature"] = base64.b64encode(signature).decode("ascii")
    return message


def write(name, message):
    with open(os.path.join(HERE, name), "w", encoding="utf-8") as out:
        json.dump(message, out, indent=2, ensure_ascii=False)
        out.write("\n")


def alarm(new_state, old_state, reason, changed):
    return json.dumps({
        "AlarmName": "HighCPU-web-01",
        "AlarmDescription": "web-01 の CPU 使用率が 90% を超えました。手順書: https://runbooks.example.org/cpu",
        "AWSAccountId": "123456789012",
        "AlarmConfigurationUpdatedTimestamp": "2024-05-01T03:00:00.000+0000",
        "NewStateValue": new_state,
        "NewStateReason": reason,
        "StateChangeTime": changed,
        "Region": "US West (Oregon)",
        "AlarmArn": "arn:aws:cloudwatch:us-west-2:123456789012:alarm:HighCPU-web-01",
        "OldStateValue": old_state,
        "OKActions": [TOPIC],
        "AlarmActions": [TOPIC],
        "InsufficientDataActions": [],
        "Trigger": {
            "MetricName": "CPUUtilization",
            "Namespace": "AWS/EC2",
            "StatisticType": "Statistic",
            "Statistic": "AVERAGE",
            "Unit": None,
            "Dimensions": [{"value": "i-0123456789abcdef0", "name": "InstanceId"}],
            "Period": 300,
            "EvaluationPeriods": 1,
            "DatapointsToAlarm": 1,
            "ComparisonOperator": "GreaterThanThreshold",
            "Threshold": 90.0,
            "TreatMissingData": "missing",
            "EvaluateLowSampleCountPercentile": "",
        },
    }, ensure_ascii=False, separators=(",", ":"))


def notification(message_id, subject, message, timestamp, version):
    body = {"Type": "Notification", "MessageId": message_id, "TopicArn": TOPIC}
    if subject is not None:
        body["Subject"] = subject
    body.update({
        "Message": message,
        "Timestamp": timestamp,
        "SignatureVersion": version,
        "Signature": "",
        "SigningCertURL": CERT_URL,
        "UnsubscribeURL": "https://sns.us-west-2.amazonaws.com/?Action=Unsubscribe&SubscriptionArn="
                          + TOPIC + ":c9135db0-26c4-47ec-8998-413945fb5a96",
    })
    return sign(body, NOTIFICATION)


write("subscription-confirmation.json", sign({
    "Type": "SubscriptionConfirmation",
    "MessageId": "165545c9-2a5c-472c-8df2-7ff2be2b3b1b",
    "Token": TOKEN,
    "TopicArn": TOPIC,
    "Message": "You have chosen to subscribe to the topic " + TOPIC
               + ".\nTo confirm the subscription, visit the SubscribeURL included in this message.",
    "SubscribeURL": "https://sns.us-west-2.amazonaws.com/?Action=ConfirmSubscription&TopicArn=" + TOPIC
                    + "&Token=" + TOKEN,
    "Timestamp": "2012-04-26T20:45:04.751Z",
    "SignatureVersion": "1",
    "Signature": "",
    "SigningCertURL": CERT_URL,
}, CONFIRMATION))

write("notification-alarm-v1.json", notification(
    "22b80b92-fdea-4c2c-8f9d-bdfb0c7bf324",
    'ALARM: "HighCPU-web-01" in US West (Oregon)',
    alarm("ALARM", "OK",
          "Threshold Crossed: 1 out of the last 1 datapoints [95.2 (12/05/24 01:23:00)] was greater than the "
          "threshold (90.0) (minimum 1 datapoint for OK -> ALARM transition).",
          "2024-05-12T01:28:11.123+0000"),
    "2024-05-12T01:28:11.190Z", "1"))

write("notification-ok-v2.json", notification(
    "5b2f1c7e-8a51-5e2e-9a49-6d3f1f0d7a10",
    None,
    alarm("OK", "ALARM",
          "Threshold Crossed: 1 out of the last 1 datapoints [12.5 (12/05/24 01:53:00)] was not greater than "
          "the threshold (90.0) (minimum 1 datapoint for ALARM -> OK transition).",
          "2024-05-12T01:58:11.456+0000"),
    "2024-05-12T01:58:11.520Z", "2"))

write("notification-insufficient-data-v2.json", notification(
    "0e9b5d2a-3c47-5f1b-8e2d-7a6c4b3f2e10",
    'INSUFFICIENT_DATA: "HighCPU-web-01" in US West (Oregon)',
    alarm("INSUFFICIENT_DATA", "OK",
          "Insufficient Data: 1 datapoint was unknown.", "2024-05-12T02:28:11.789+0000"),
    "2024-05-12T02:28:11.850Z", "2"))
