package io.incidentflow.identity;

/** Something that must exist from the first start; called under the start-up lock, in its transaction. */
public interface Seeder {

    void seed();
}
