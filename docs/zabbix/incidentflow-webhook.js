// incidentflow webhook media type for Zabbix (see docs/zabbix-media-type.md).
// Posts the media type's parameters as one JSON object to incidentflow and authenticates with the
// integration key the user keeps in the "Send to" field of their media ({ALERT.SENDTO}).
var Incidentflow = {
    // Parameters that configure this script and are not sent.
    local: ['endpoint', 'sendto', 'HTTPProxy'],

    // A macro Zabbix could not resolve in this kind of message stays in the text: leave it out.
    unresolved: /^\{\$?[A-Z0-9_.]+\}$/,

    body: function (params) {
        var body = {};
        Object.keys(params).forEach(function (name) {
            var value = params[name];
            if (Incidentflow.local.indexOf(name) !== -1 || typeof value !== 'string'
                    || value === '' || Incidentflow.unresolved.test(value)) {
                return;
            }
            body[name] = value;
        });
        if (typeof body.tags === 'string') {
            try {
                body.tags = JSON.parse(body.tags);
            }
            catch (error) {
                delete body.tags;
            }
        }
        return body;
    },

    send: function (params) {
        if (typeof params.endpoint !== 'string' || params.endpoint.indexOf('http') !== 0) {
            throw 'Parameter "endpoint" must be the URL of the incidentflow integration.';
        }
        if (typeof params.sendto !== 'string' || params.sendto.trim() === ''
                || Incidentflow.unresolved.test(params.sendto)) {
            throw 'The user media "Send to" must hold the integration key.';
        }
        var request = new HttpRequest();
        if (typeof params.HTTPProxy === 'string' && params.HTTPProxy.trim() !== '') {
            request.setProxy(params.HTTPProxy);
        }
        request.addHeader('Content-Type: application/json');
        request.addHeader('Authorization: Bearer ' + params.sendto.trim());
        var response = request.post(params.endpoint, JSON.stringify(Incidentflow.body(params)));
        var status = request.getStatus();
        if (status < 200 || status >= 300) {
            throw 'incidentflow answered HTTP ' + status + ': ' + String(response).substring(0, 500);
        }
        return 'OK';
    }
};

try {
    return Incidentflow.send(JSON.parse(value));
}
catch (error) {
    Zabbix.log(3, '[incidentflow webhook] notification failed: ' + error);
    throw 'incidentflow notification failed: ' + error;
}
