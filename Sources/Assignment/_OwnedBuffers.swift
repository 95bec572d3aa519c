/// Buffers the solvers' workspaces allocate once per solve and free in their
/// `deinit`: hot loops index them without the bounds and uniqueness checks
/// of an array.
extension UnsafeMutableBufferPointer {
    /// A new buffer of `count` elements, each `value`.
    static func _filled(_ count: Int, with value: Element) -> UnsafeMutableBufferPointer<Element> {
        let buffer = UnsafeMutableBufferPointer<Element>.allocate(capacity: count)
        buffer.initialize(repeating: value)
        return buffer
    }

    /// A new buffer holding a copy of `array`.
    static func _copy(of array: [Element]) -> UnsafeMutableBufferPointer<Element> {
        let buffer = UnsafeMutableBufferPointer<Element>.allocate(capacity: array.count)
        _ = buffer.initialize(from: array)
        return buffer
    }
}
