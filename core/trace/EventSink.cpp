#include "trace/EventSink.h"

namespace syscope {

EventSink::~EventSink() = default;

} // namespace syscope
