public import Settings

/// Stops the fuzzer with `message` when a promise of the code under test is broken: libFuzzer
/// records the input that did it as a crash, exactly like a trap in the code itself.
public func invariant(_ condition: Bool, _ message: @autoclosure () -> String, file: StaticString = #fileID, line: UInt = #line) {
    guard !condition else { return }
    fatalError("invariant broken: \(message())", file: file, line: line)
}

/// The number of lines `bytes` has when LF, CR and CRLF each end one (what locations count).
public func lineCount(_ bytes: [UInt8]) -> Int {
    var lines = 1
    var index = 0
    while index < bytes.count {
        if bytes[index] == 0x0A {
            lines += 1
        } else if bytes[index] == 0x0D {
            lines += 1
            if index + 1 < bytes.count, bytes[index + 1] == 0x0A { index += 1 }
        }
        index += 1
    }
    return lines
}

/// Checks that `location` names `file` and lies within `bytes` (1-based line and column).
public func checkLocation(_ location: SourceLocation, file: String, in bytes: [UInt8], _ what: @autoclosure () -> String) {
    invariant(location.file == file, "\(what()): location \(location) names another file")
    invariant(location.line >= 1 && location.line <= lineCount(bytes), "\(what()): line of \(location) is outside the input")
    invariant(location.column >= 1 && location.column <= bytes.count + 1, "\(what()): column of \(location) is outside the input")
}

/// The input as an array (empty when libFuzzer passes no bytes).
public func inputBytes(_ data: UnsafePointer<UInt8>?, _ size: Int) -> [UInt8] {
    guard let data, size > 0 else { return [] }
    return Array(UnsafeBufferPointer(start: data, count: size))
}
