/// Human sizes, rates and durations for tables and progress output.
enum ByteFormatting {
    /// `512 B`, `12.3 KB`, `4.0 MB` (powers of 1024, one decimal).
    static func bytes(_ count: Int64) -> String {
        let units = ["B", "KB", "MB", "GB", "TB"]
        var value = Double(count)
        var unit = 0
        while value >= 1024, unit < units.count - 1 {
            value /= 1024
            unit += 1
        }
        return unit == 0 ? "\(count) B" : "\(oneDecimal(value)) \(units[unit])"
    }

    /// `1.5 MB/s`.
    static func rate(bytes: Int64, seconds: Double) -> String {
        guard seconds > 0 else { return "–" }
        return Self.bytes(Int64(Double(bytes) / seconds)) + "/s"
    }

    /// `0:07`, `12:03`, `1:02:03`.
    static func clock(_ seconds: Double) -> String {
        guard seconds.isFinite, seconds >= 0 else { return "–:––" }
        let total = Int(seconds.rounded(.up))
        let (hours, minutes, secs) = (total / 3600, total / 60 % 60, total % 60)
        let mmss = "\(minutes):" + (secs < 10 ? "0\(secs)" : "\(secs)")
        return hours > 0 ? "\(hours):" + (minutes < 10 ? "0" : "") + mmss : mmss
    }

    static func oneDecimal(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        return "\(tenths / 10).\(tenths % 10)"
    }

    /// Seconds of a `Duration` as a `Double`.
    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }
}
