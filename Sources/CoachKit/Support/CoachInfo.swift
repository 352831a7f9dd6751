/// Facts about this build of the coach.
public enum CoachInfo {
    public static let version = "0.1.0"
}
