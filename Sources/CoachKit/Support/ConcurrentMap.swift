import Dispatch

extension Array {
    /// `map` on every core, in order: each element is transformed on its own, and
    /// the results keep the elements' order.
    func concurrentMap<Result>(_ transform: (Element) -> Result) -> [Result] {
        var results = [Result?](repeating: nil, count: count)
        results.withUnsafeMutableBufferPointer { buffer in
            // Each iteration reads only its element and writes only its own slot.
            nonisolated(unsafe) let slots = buffer
            nonisolated(unsafe) let elements = self
            nonisolated(unsafe) let transform = transform
            DispatchQueue.concurrentPerform(iterations: count) { index in
                slots[index] = transform(elements[index])
            }
        }
        return results.map { $0! }
    }
}
