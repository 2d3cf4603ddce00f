package io.dsm.provisioning.service;

import org.yaml.snakeyaml.events.CollectionEndEvent;
import org.yaml.snakeyaml.events.CollectionStartEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.NodeEvent;
import org.yaml.snakeyaml.parser.Parser;

/**
 * SnakeYAML's parser, its events counted as the composer takes them: a file holding more than
 * {@link PlainValues#MAX_VALUES} nodes, or nesting deeper than {@link PlainValues#MAX_DEPTH}, is
 * refused at the line where it goes beyond, while it is being composed. Within the size limit alone
 * a file could hold half a million nodes (1 MiB of {@code 1,}), some 130 MB of them; SnakeYAML's own
 * depth limit says neither where nor in words a file author knows. One instance per file.
 */
final class BoundedEvents implements Parser {

    private final Parser events;
    private int nodes;
    private int depth;

    BoundedEvents(Parser events) {
        this.events = events;
    }

    @Override
    public boolean checkEvent(Event.ID choice) {
        return events.checkEvent(choice);
    }

    @Override
    public Event peekEvent() {
        return events.peekEvent();
    }

    @Override
    public Event getEvent() {
        Event event = events.getEvent();
        if (event instanceof NodeEvent && ++nodes > PlainValues.MAX_VALUES) {
            throw PlainValues.Refused.tooMany(line(event));
        }
        if (event instanceof CollectionStartEvent && ++depth > PlainValues.MAX_DEPTH) {
            throw PlainValues.Refused.tooDeep(line(event));
        }
        if (event instanceof CollectionEndEvent) {
            depth--;
        }
        return event;
    }

    private static int line(Event event) {
        return event.getStartMark() == null ? 0 : event.getStartMark().getLine() + 1;
    }
}
