/// A self-signed test certificate for `localhost` / 127.0.0.1 (P-256, valid until 2126), generated once
/// with `openssl req -x509 -newkey ec ... -subj /CN=localhost -addext subjectAltName=DNS:localhost,IP:127.0.0.1`.
/// Test-only: it guards nothing.
enum TLSTestCertificate {
    static let certificatePEM = """
        -----BEGIN CERTIFICATE-----
        MIIBmjCCAUGgAwIBAgIUXCBtOLFcEjvMqQzDzwiIAwCP3kowCgYIKoZIzj0EAwIw
        FDESMBAGA1UEAwwJbG9jYWxob3N0MCAXDTI2MTEyNDIyNTcyOVoYDzIxMjYxMDMx
        MjI1NzI5WjAUMRIwEAYDVQQDDAlsb2NhbGhvc3QwWTATBgcqhkjOPQIBBggqhkjO
        PQMBBwNCAASIMHk16NuucD/M18xKq9GD+LOULCgh9kacR/RO0Ja9abgarcxNKZPJ
        JNUrerwErtYW5Mk4wnU1hO7x7gD8ZX/Xo28wbTAdBgNVHQ4EFgQUTdBDTLOsGx+z
        EOUDOaU7YQzDFl4wHwYDVR0jBBgwFoAUTdBDTLOsGx+zEOUDOaU7YQzDFl4wDwYD
        VR0TAQH/BAUwAwEB/zAaBgNVHREEEzARgglsb2NhbGhvc3SHBH8AAAEwCgYIKoZI
        zj0EAwIDRwAwRAIgFVGM2CHCZs1Pw4DsVitkjrQDBm9N53S0SYVLDOb+Y5ICIDHI
        1ZATrhapgYI7WYXZdmGoMviWVA3RQW6BAwJnB8rF
        -----END CERTIFICATE-----
        """

    static let privateKeyPEM = """
        -----BEGIN PRIVATE KEY-----
        MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgr689yth9LgCjNwYS
        4QM+1bW5PUGUOGQsz2ZFIjurNUWhRANCAASIMHk16NuucD/M18xKq9GD+LOULCgh
        9kacR/RO0Ja9abgarcxNKZPJJNUrerwErtYW5Mk4wnU1hO7x7gD8ZX/X
        -----END PRIVATE KEY-----
        """
}
