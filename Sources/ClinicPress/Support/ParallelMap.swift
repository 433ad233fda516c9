import Dispatch

enum ParallelMap {
    /// `map` on all cores, keeping the order of the input.
    static func map<T: Sendable, R: Sendable>(_ items: [T], _ transform: @Sendable (T) -> R) -> [R] {
        let results = UnsafeMutableBufferPointer<R?>.allocate(capacity: items.count)
        results.initialize(repeating: nil)
        // Found by the fuzzer's leak checker: the results must be deinitialized, not only freed.
        defer {
            _ = results.deinitialize()
            results.deallocate()
        }
        let buffer = SendableBuffer(pointer: results)
        DispatchQueue.concurrentPerform(iterations: items.count) { index in
            buffer.pointer[index] = transform(items[index])
        }
        return results.map { $0! }
    }

    /// Each iteration writes its own slot, so sharing the buffer across threads is safe.
    struct SendableBuffer<R>: @unchecked Sendable {
        let pointer: UnsafeMutableBufferPointer<R?>
    }
}
