#if canImport(Glibc)
    import Glibc
#endif

/// Dates from the C library's clock: a `DateFormatter` would load ICU's calendars,
/// a tenth of the start-up of `coach plan`.
public enum Clock {
    /// Today's local date: `2026-11-26`.
    public static func today() -> String {
        let parts = now(inUTC: false)
        return "\(parts.tm_year + 1900)-\(twoDigits(parts.tm_mon + 1))-\(twoDigits(parts.tm_mday))"
    }

    /// Now in UTC, in ISO 8601 with the colons left out, for a file name:
    /// `2026-11-27T230512Z`.
    static func stamp() -> String {
        let parts = now(inUTC: true)
        return "\(parts.tm_year + 1900)-\(twoDigits(parts.tm_mon + 1))-\(twoDigits(parts.tm_mday))T"
            + "\(twoDigits(parts.tm_hour))\(twoDigits(parts.tm_min))\(twoDigits(parts.tm_sec))Z"
    }

    /// Now, as calendar fields.
    private static func now(inUTC: Bool) -> tm {
        var now = time(nil)
        var parts = tm()
        if inUTC { gmtime_r(&now, &parts) } else { localtime_r(&now, &parts) }
        return parts
    }

    private static func twoDigits(_ number: Int32) -> String { number < 10 ? "0\(number)" : "\(number)" }
}
