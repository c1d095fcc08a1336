/// The config of `numbers-report demo`, the same text as `samples/demo.yaml` (a test keeps them equal).
/// Its URLs are replaced by the embedded fake API's loopback address when the demo starts.
public enum DemoConfiguration {
    public static let yaml = """
        # numbers-report demo: three scopes of one project on the built-in fake API.
        # `numbers-report demo` uses this text (embedded in the tool) with the fake's loopback URLs;
        # copy it as a starting point for your own config.
        api:
          baseURL: http://127.0.0.1:8080
          tokenURL: http://127.0.0.1:8080/oauth2/token
          auth: oauth2
          pageSize: 50
          requestTimeoutSeconds: 10
          maxAttempts: 3
          concurrency: 2
        scopes:
          - projectId: d1923022-5199-4bb3-a513-c47b3a656bc5
            servicePlanId: 324e4567e89b12d3a456426614174000
            campaignId: C3O84GA
            label: Retail alerts
          - projectId: d1923022-5199-4bb3-a513-c47b3a656bc5
            servicePlanId: 5a1b2c3d4e5f60718293a4b5c6d7e8f9
            campaignId: CRETAIL1
            label: Store pickups
          - projectId: d1923022-5199-4bb3-a513-c47b3a656bc5
            servicePlanId: 0130a21c9ed6461ba3a1fefda83f7ec7
            campaignId: CDCQLGJ
            label: Fraud alerts (US)
            regionCode: US
        health:
          staleAfterHours: 72
        output:
          directory: ./reports
          csv: { bom: true, excelSafe: true }
          gzipLevel: 6

        """
}
