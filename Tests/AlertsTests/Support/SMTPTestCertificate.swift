/// A self-signed test certificate for `localhost` / 127.0.0.1 (P-256, valid until 2126), generated once with
/// `openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -subj /CN=localhost
/// -addext subjectAltName=DNS:localhost,IP:127.0.0.1`. Test-only: it guards nothing.
enum SMTPTestCertificate {
    static let certificatePEM = """
        -----BEGIN CERTIFICATE-----
        MIIBnDCCAUGgAwIBAgIUbsnmJUZ8rJsrCfxPHVb2HebrYLgwCgYIKoZIzj0EAwIw
        FDESMBAGA1UEAwwJbG9jYWxob3N0MCAXDTI2MTEyNTAxMzI1NVoYDzIxMjYxMTAx
        MDEzMjU1WjAUMRIwEAYDVQQDDAlsb2NhbGhvc3QwWTATBgcqhkjOPQIBBggqhkjO
        PQMBBwNCAASohYTRHMRcIVz3fUXbxLuXmZ80U5DBKrEFDBi/9M+wIWnKifseBUUS
        9ZuaOisQPdBfleONlYz7/T88ZxBArtmDo28wbTAdBgNVHQ4EFgQUawjrSA/Wg0wv
        wFzVUrIxwapI4XMwHwYDVR0jBBgwFoAUawjrSA/Wg0wvwFzVUrIxwapI4XMwDwYD
        VR0TAQH/BAUwAwEB/zAaBgNVHREEEzARgglsb2NhbGhvc3SHBH8AAAEwCgYIKoZI
        zj0EAwIDSQAwRgIhAO5LIPBquAPIld2clvjQKCPKVSq2Ah3myHVzrsOYE3LdAiEA
        3E5ROrp6rdO/aVp/dayWnxq5Kidzo26awhkwhE+iSZI=
        -----END CERTIFICATE-----
        """

    static let privateKeyPEM = """
        -----BEGIN PRIVATE KEY-----
        MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQg1uK6u3etTPc72ZFb
        AiB/fC4+0rlu3/WpKVeaDEWhMRehRANCAASohYTRHMRcIVz3fUXbxLuXmZ80U5DB
        KrEFDBi/9M+wIWnKifseBUUS9ZuaOisQPdBfleONlYz7/T88ZxBArtmD
        -----END PRIVATE KEY-----
        """
}
