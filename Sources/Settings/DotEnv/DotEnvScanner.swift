/// How a value was written, which decides its escapes and (in strict mode) its interpolation.
enum DotEnvQuoting: Sendable, Hashable {
    case unquoted, singleQuoted, doubleQuoted
}

/// One statement that defines a key, as the scanner read it: unquoted and unescaped, not yet
/// interpolated. Flat fields, filled in place, so the hot path copies and retains as little as possible.
struct DotEnvStatement {
    var key = ""
    var keyLocation = SourceLocation(file: nil, line: 0, column: 0)
    /// `false` for a key written without `=`.
    var hasValue = false
    var valueText = ""
    var quoting = DotEnvQuoting.unquoted
    /// Where the value starts (its opening quote when quoted).
    var valueLocation = SourceLocation(file: nil, line: 0, column: 0)
    /// Where the value's text starts in the buffer, with the line it is on, to locate a `$` later.
    var contentStart = 0
    var contentLine = 0
    var contentLineStart = 0
    /// Whether the source text of the value has a `$` (found while scanning, so values without one
    /// skip interpolation without a second pass).
    var mayContainDollar = false
    /// Strict mode read `KEY= #…` as an empty value followed by a comment.
    var commentAfterEmptyValue = false
}

/// A statement the grammar rejects.
struct DotEnvFailure: Error {
    var reason: String
    /// The offending character.
    var location: SourceLocation
    /// python-dotenv's line number of the statement (where its leading whitespace starts).
    var statementLine: Int
}

/// Reads `.env` statements from UTF-8 bytes, one at a time, exactly like python-dotenv 1.2.2's
/// `parse_stream` (compat) or with the stricter rules of ``DotEnvMode/strict``.
///
/// Two line counters run side by side: `line` counts physical lines (CR, LF and CRLF each end
/// one) for locations, while `pythonLine` reproduces python-dotenv's count, which counts a CRLF
/// twice when an error skip stops between its CR and its LF.
struct DotEnvScanner {
    enum Step {
        /// Blank space, a comment, or the end of the input.
        case nothing
        /// ``statement`` holds the statement just read.
        case statement
        /// ``failure`` holds the problem; the rest of its line was skipped.
        case failure
    }

    let bytes: UnsafeBufferPointer<UInt8>
    let file: String?
    let strict: Bool
    /// The statement of the last ``Step/statement``, filled in place to avoid moving it around.
    private(set) var statement = DotEnvStatement()
    /// The problem of the last ``Step/failure``.
    private(set) var failure: DotEnvFailure?
    private(set) var position: Int
    private var pythonLine = 1
    private var line = 1
    private var lineStart: Int

    init(bytes: UnsafeBufferPointer<UInt8>, start: Int, file: String?, strict: Bool) {
        self.bytes = bytes
        self.file = file
        self.strict = strict
        self.position = start
        self.lineStart = start
    }

    /// Reads the next statement; `nil` once the input is used up.
    mutating func next() -> Step? {
        guard position < bytes.count else { return nil }
        let statementLine = pythonLine
        do throws(DotEnvFailure) {
            return try readStatement() ? .statement : .nothing
        } catch {
            var failure = error
            failure.statementLine = statementLine
            self.failure = failure
            skipRestOfLine()
            return .failure
        }
    }

    // MARK: - Statement

    /// Reads one statement into ``statement``; `false` for blank space or a comment.
    private mutating func readStatement() throws(DotEnvFailure) -> Bool {
        advance(to: skipping(from: position, DotEnvWhitespace.length))
        guard position < bytes.count else { return false }
        skipExport()
        if position < bytes.count, bytes[position] == DotEnvByte.hash {
            try finishLine(hasKey: false)
            return false
        }
        statement.keyLocation = location(at: position)
        statement.key = try readKey()
        statement.hasValue = false
        statement.commentAfterEmptyValue = false
        position = skipping(from: position, DotEnvWhitespace.horizontalLength)
        if position < bytes.count, bytes[position] == DotEnvByte.equals {
            let afterEquals = position + 1
            position = skipping(from: afterEquals, DotEnvWhitespace.horizontalLength)
            if strict, position > afterEquals, position < bytes.count, bytes[position] == DotEnvByte.hash {
                setValue("", .unquoted, start: position, contentStart: position, mayContainDollar: false)
                statement.commentAfterEmptyValue = true
            } else {
                try readValue()
            }
        }
        try finishLine(hasKey: true)
        return true
    }

    /// `export` followed by at least one space or tab is not part of the key.
    private mutating func skipExport() {
        let word: StaticString = "export"
        let length = word.utf8CodeUnitCount
        guard position + length < bytes.count else { return }
        let matches = word.withUTF8Buffer { word in
            (0..<length).allSatisfy { bytes[position + $0] == word[$0] }
        }
        guard matches, DotEnvWhitespace.horizontalLength(bytes, position + length) > 0 else { return }
        position = skipping(from: position + length, DotEnvWhitespace.horizontalLength)
    }

    private mutating func readKey() throws(DotEnvFailure) -> String {
        let start = position
        guard start < bytes.count else { throw failure("expected a key", at: start) }
        if bytes[start] == DotEnvByte.singleQuote {
            // '([^']+)': may span lines, no escapes.
            var end = start + 1
            while end < bytes.count, bytes[end] != DotEnvByte.singleQuote { end += 1 }
            guard end < bytes.count else { throw failure("unterminated single-quoted key", at: start) }
            guard end > start + 1 else { throw failure("empty single-quoted key", at: start) }
            let key = text(start + 1, end)
            advance(to: end + 1)
            return key
        }
        if strict, bytes[start] == DotEnvByte.doubleQuote {
            throw failure("a key cannot be double-quoted (python-dotenv keeps the quotes in the key)", at: start)
        }
        var end = start
        while end < bytes.count {
            let byte = bytes[end]
            if byte < 0x80 {
                if DotEnvWhitespace.isIn(DotEnvWhitespace.keyStopMask, byte) { break }
            } else if DotEnvWhitespace.length(bytes, end) > 0 {
                break
            }
            end += 1
        }
        guard end > start else { throw failure("expected a key before '='", at: start) }
        position = end
        return text(start, end)
    }

    /// An optional comment, then optional spaces, then the end of the line or of the input.
    private mutating func finishLine(hasKey: Bool) throws(DotEnvFailure) {
        var index = skipping(from: position, DotEnvWhitespace.horizontalLength)
        if index < bytes.count, bytes[index] == DotEnvByte.hash {
            while index < bytes.count, !isNewline(bytes[index]) { index += 1 }
            position = index
        }
        index = skipping(from: position, DotEnvWhitespace.horizontalLength)
        guard index < bytes.count else {
            position = index
            return
        }
        let byte = bytes[index]
        guard isNewline(byte) else {
            let what: String
            switch (hasKey, statement.hasValue) {
            case (true, false):
                what = "unexpected text after the key '\(DisplayText.inline(statement.key))' (expected '=', a comment or the end of the line)"
            case (true, true): what = "unexpected text after the value of '\(DisplayText.inline(statement.key))'"
            case (false, _): what = "unexpected text"
            }
            throw failure(what, at: index)
        }
        let end =
            byte == DotEnvByte.carriageReturn && index + 1 < bytes.count && bytes[index + 1] == DotEnvByte.lineFeed
            ? index + 2 : index + 1
        advance(to: end)
    }

    /// After an error: the rest of the physical line and one line break, where `\r` wins over
    /// `\r\n` exactly as in python-dotenv's `[^\r\n]*(?:\r|\n|\r\n)?`.
    private mutating func skipRestOfLine() {
        var index = position
        while index < bytes.count, !isNewline(bytes[index]) { index += 1 }
        advance(to: index < bytes.count ? index + 1 : index)
    }

    // MARK: - Values

    /// Reads the value after `=` into ``statement``.
    private mutating func readValue() throws(DotEnvFailure) {
        let start = position
        guard start < bytes.count else {
            setValue("", .unquoted, start: start, contentStart: start, mayContainDollar: false)
            return
        }
        let first = bytes[start]
        guard first == DotEnvByte.singleQuote || first == DotEnvByte.doubleQuote else {
            readUnquotedValue(start: start)
            return
        }
        let double = first == DotEnvByte.doubleQuote
        guard let close = strict ? strictClosingQuote(first, from: start + 1) : compatClosingQuote(first, from: start + 1)
        else {
            throw failure("unterminated \(double ? "double" : "single")-quoted value of '\(DisplayText.inline(statement.key))'", at: start)
        }
        let content = bytes[(start + 1)..<close]
        setValue(
            DotEnvEscapes.decode(content, doubleQuoted: double), double ? .doubleQuoted : .singleQuoted,
            start: start, contentStart: start + 1, mayContainDollar: content.contains(DotEnvByte.dollar))
        advance(to: close + 1)
    }

    /// Records a value that starts at `start` on the current line.
    private mutating func setValue(
        _ text: String, _ quoting: DotEnvQuoting, start: Int, contentStart: Int, mayContainDollar: Bool
    ) {
        statement.hasValue = true
        statement.valueText = text
        statement.quoting = quoting
        statement.valueLocation = location(at: start)
        statement.contentStart = contentStart
        statement.contentLine = line
        statement.contentLineStart = lineStart
        statement.mayContainDollar = mayContainDollar
    }

    /// The rest of the physical line, cut at the first whitespace followed by `#`, trailing
    /// whitespace removed (python-dotenv: `re.sub(r"\s+#.*", "", part).rstrip()`).
    private mutating func readUnquotedValue(start: Int) {
        var index = start
        var spaceRunStart = -1
        var valueEnd = start
        var cut = -1
        var dollar = false
        while index < bytes.count {
            let byte = bytes[index]
            // Fast path: a byte that is neither whitespace, `#`, `$` nor the start of a multi-byte character.
            if byte < 0x80, !DotEnvWhitespace.isIn(DotEnvWhitespace.valueMask, byte) {
                index += 1
                if cut < 0 {
                    spaceRunStart = -1
                    valueEnd = index
                }
                continue
            }
            if isNewline(byte) { break }
            if cut < 0 {
                if byte == DotEnvByte.hash, spaceRunStart >= 0 {
                    cut = spaceRunStart
                } else {
                    let space = DotEnvWhitespace.length(bytes, index)
                    if space > 0 {
                        if spaceRunStart < 0 { spaceRunStart = index }
                        index += space
                        continue
                    }
                    if byte == DotEnvByte.dollar { dollar = true }
                    spaceRunStart = -1
                    valueEnd = index + 1
                }
            }
            index += 1
        }
        setValue(text(start, cut >= 0 ? cut : valueEnd), .unquoted, start: start, contentStart: start, mayContainDollar: dollar)
        position = index
    }

    /// python-dotenv's `'((?:\\'|[^'])*)'` including its backtracking: the first quote that is
    /// not part of a `\'` pair closes; without one, the quote of the last `\'` pair closes.
    private func compatClosingQuote(_ quote: UInt8, from start: Int) -> Int? {
        var index = start
        var lastEscapedQuote = -1
        while index < bytes.count {
            let byte = bytes[index]
            if byte == quote { return index }
            if byte == DotEnvByte.backslash, index + 1 < bytes.count, bytes[index + 1] == quote {
                lastEscapedQuote = index + 1
                index += 2
            } else {
                index += 1
            }
        }
        return lastEscapedQuote >= 0 ? lastEscapedQuote : nil
    }

    /// Strict mode: a backslash always pairs with the next character it escapes (any character in
    /// double quotes, `\` or `'` in single quotes), and the first unpaired quote closes.
    private func strictClosingQuote(_ quote: UInt8, from start: Int) -> Int? {
        var index = start
        while index < bytes.count {
            let byte = bytes[index]
            if byte == quote { return index }
            if byte == DotEnvByte.backslash, index + 1 < bytes.count,
                quote == DotEnvByte.doubleQuote || bytes[index + 1] == quote || bytes[index + 1] == DotEnvByte.backslash
            {
                index += 2
            } else {
                index += 1
            }
        }
        return nil
    }

    // MARK: - Positions

    /// Where the `ordinal`-th `$` (0-based) of a value's source text is.
    func location(ofDollar ordinal: Int, in value: DotEnvStatement) -> SourceLocation {
        var index = value.contentStart
        var line = value.contentLine
        var lineStart = value.contentLineStart
        var seen = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == DotEnvByte.dollar {
                if seen == ordinal { break }
                seen += 1
            } else if byte == DotEnvByte.lineFeed
                || (byte == DotEnvByte.carriageReturn && !(index + 1 < bytes.count && bytes[index + 1] == DotEnvByte.lineFeed))
            {
                line += 1
                lineStart = index + 1
            }
            index += 1
        }
        return SourceLocation(file: file, line: line, column: column(from: lineStart, to: index))
    }

    private func location(at index: Int) -> SourceLocation {
        SourceLocation(file: file, line: line, column: column(from: lineStart, to: index))
    }

    /// 1-based column in Unicode scalars: one per byte that does not continue a UTF-8 sequence.
    private func column(from start: Int, to end: Int) -> Int {
        var column = 1
        var index = start
        while index < end {
            if bytes[index] & 0xC0 != 0x80 { column += 1 }
            index += 1
        }
        return column
    }

    private func failure(_ reason: String, at index: Int) -> DotEnvFailure {
        DotEnvFailure(reason: reason, location: location(at: index), statementLine: pythonLine)
    }

    private func text(_ start: Int, _ end: Int) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
    }

    @inline(__always)
    private func isNewline(_ byte: UInt8) -> Bool {
        byte == DotEnvByte.lineFeed || byte == DotEnvByte.carriageReturn
    }

    /// The index after a run of characters that `width` measures as non-zero.
    @inline(__always)
    private func skipping(from start: Int, _ width: (UnsafeBufferPointer<UInt8>, Int) -> Int) -> Int {
        var index = start
        while index < bytes.count {
            let length = width(bytes, index)
            if length == 0 { break }
            index += length
        }
        return index
    }

    /// Moves to `end`, counting the line breaks consumed as one chunk: python-dotenv counts the
    /// matches of `\r\n|\n|\r` in each consumed piece, so a CR ending one piece and an LF starting
    /// the next count twice; physical lines count a CRLF once.
    private mutating func advance(to end: Int) {
        var index = position
        while index < end {
            let byte = bytes[index]
            if byte == DotEnvByte.lineFeed {
                if !(index > position && bytes[index - 1] == DotEnvByte.carriageReturn) { pythonLine += 1 }
                line += 1
                lineStart = index + 1
            } else if byte == DotEnvByte.carriageReturn {
                pythonLine += 1
                if !(index + 1 < bytes.count && bytes[index + 1] == DotEnvByte.lineFeed) {
                    line += 1
                    lineStart = index + 1
                }
            }
            index += 1
        }
        position = end
    }
}
