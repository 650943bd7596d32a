// Where the tracer's batches go: the file writer, the in-memory store, a test's collector.
#pragma once

#include "trace/Event.h"

namespace syscope {

class EventSink {
public:
    virtual ~EventSink();
    // Called on the producer's thread with each batch, in order.
    virtual void consume(const EventBatch& batch) = 0;
    // Called at least every 100 ms while a recording is live: make what was consumed visible.
    virtual void flush() {}
};

} // namespace syscope
