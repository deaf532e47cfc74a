/// The version prefix of every REST route.
public enum APIVersion {
    /// `/api/v1`.
    public static let prefix = "/api/v1"
}
