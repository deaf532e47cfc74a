/// Length rules of the API's keys.
public enum APIKeyLength {
    /// Shortest `security.jwt_secret`, in UTF-8 bytes: an HS256 key as long as the SHA-256 output (RFC 7518 3.2).
    public static let minimumJWTSecretBytes = 32
}
