extension Double {
    /// The number as data: `3` rather than `3.0`, `0.5` as is. Every place that writes a
    /// bare number (messages, JSON, `because`) goes through this one.
    public var plainText: String {
        self == rounded() && abs(self) < 1e15 ? String(Int(self)) : String(self)
    }
}
