import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// How many values one output may read while it renders. A template whose sections over a list
/// nest inside each other (`{{#site.crisis}}` inside `{{#site.crisis}}`, 25 deep) reads the list
/// again at every level: the output would grow exponentially and the build would never end.
/// Past the budget every lookup answers nothing, so the render ends quickly, and the renderer
/// reports the output as an error.
///
/// The count is per thread (outputs render on all cores, one at a time per thread): a counter
/// in the pointer value of a pthread key, read and written on each lookup, costs a few
/// nanoseconds, where wrapping every context value would cost an allocation.
enum RenderBudget {
    static let limit = 2_000_000

    private static let key: pthread_key_t = {
        var key = pthread_key_t()
        pthread_key_create(&key, nil)
        return key
    }()

    private static var count: Int {
        get { Int(bitPattern: pthread_getspecific(key)) }
        set { pthread_setspecific(key, UnsafeRawPointer(bitPattern: newValue)) }
    }

    /// Starts counting for one output on this thread.
    static func begin() { count = 0 }

    /// Counts one lookup; false once the budget is spent.
    static func spend() -> Bool {
        let spent = count &+ 1
        count = spent
        return spent <= limit
    }

    /// This thread's output went past the budget (and rendered with lookups cut off).
    static var exceeded: Bool { count > limit }
}

/// Set when one output went past its budget: the build has failed, so the other outputs are not
/// rendered (each would spend its whole budget on the same shared partial).
final class RenderStop: @unchecked Sendable {
    private let lock = NSLock()
    private var stopped = false
    var isSet: Bool { lock.lock(); defer { lock.unlock() }; return stopped }
    func set() { lock.lock(); stopped = true; lock.unlock() }
}
