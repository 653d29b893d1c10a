/**
 * The {@code jazz} command: a picocli front end over the music pipeline and the discovered backends.
 * It never names a backend class; it asks {@link jazz.api.Backends} for one by id.
 */
module jazz.cli {
    requires jazz.api;
    requires jazz.music;
    requires info.picocli;
    requires java.management;
    requires org.jfree.jfreechart;

    opens jazz.cli to info.picocli;
}
