package import CoreMetrics
package import Tracing

/// Where one client core (or registry) reports metrics and spans: the factory and tracer of its
/// ``PixelClientHooks``, or the process's bootstrapped ones. Names and dimensions are listed in
/// ``PixelMetricName``; nothing recorded here carries a secret or a URL with ids.
///
/// Without a metrics backend or a tracer (swift-metrics' and swift-distributed-tracing's no-op
/// defaults) the corresponding half does nothing at all: no metric objects, no spans, no route
/// templates, no task-local context.
package struct PixelInstrumentation: Sendable {
    package let metrics: any MetricsFactory
    package let tracer: any Tracer
    /// `false` for swift-metrics' no-op factory.
    package let recordsMetrics: Bool
    /// `false` for swift-distributed-tracing's no-op tracer.
    package let recordsSpans: Bool
    /// Leases held on client cores (one meter for the process; every core adds and removes its
    /// own); `nil` without a metrics backend.
    package let leases: Meter?

    package init(metrics: (any MetricsFactory)?, tracer: (any Tracer)?) {
        let metrics = metrics ?? MetricsSystem.factory
        let tracer = tracer ?? InstrumentationSystem.tracer
        self.metrics = metrics
        self.tracer = tracer
        self.recordsMetrics = !(metrics is NOOPMetricsHandler)
        self.recordsSpans = !(tracer is NoOpTracer)
        self.leases = recordsMetrics ? Meter(label: PixelMetricName.leases, factory: metrics) : nil
    }

    /// Whether anything is recorded at all.
    package var isActive: Bool { recordsMetrics || recordsSpans }

    package init(hooks: PixelClientHooks) {
        self.init(metrics: hooks.metricsFactory, tracer: hooks.tracer)
    }

    // MARK: - Metrics

    /// One API call finished: `status` is the last response's status, `nil` when none arrived.
    package func requestFinished(method: String, template: String, status: Int?, duration: Duration) {
        guard recordsMetrics else { return }
        let dimensions = [
            ("http.request.method", method), ("url.template", template),
            ("http.response.status_class", status.map { "\($0 / 100)xx" } ?? "error"),
        ]
        Counter(label: PixelMetricName.requests, dimensions: dimensions, factory: metrics).increment()
        Timer(label: PixelMetricName.requestDuration, dimensions: dimensions, preferredDisplayUnit: .seconds, factory: metrics)
            .recordNanoseconds(duration.nanoseconds)
    }

    /// An attempt is repeated; `reason` is `status` or `connection`.
    package func retried(method: String, template: String, reason: String) {
        guard recordsMetrics else { return }
        Counter(
            label: PixelMetricName.requestRetries,
            dimensions: [("http.request.method", method), ("url.template", template), ("reason", reason)], factory: metrics
        ).increment()
    }

    package func tokenGrant(_ grant: PixelTokenGrant, succeeded: Bool) {
        guard recordsMetrics else { return }
        Counter(
            label: PixelMetricName.tokenGrants,
            dimensions: [("grant_type", grant.rawValue), ("outcome", succeeded ? "success" : "failure")], factory: metrics
        ).increment()
    }

    /// A registry generation was `created`, `rebuilt`, `retired` or `closed`.
    package func generation(_ event: String) {
        guard recordsMetrics else { return }
        Counter(label: PixelMetricName.generations, dimensions: [("event", event)], factory: metrics).increment()
    }

    package func uploadedBytes(_ count: Int64) {
        guard recordsMetrics else { return }
        Counter(label: PixelMetricName.uploadBytes, factory: metrics).increment(by: count)
    }

    package func uploadedFile(succeeded: Bool) {
        guard recordsMetrics else { return }
        Counter(label: PixelMetricName.uploadFiles, dimensions: [("outcome", succeeded ? "success" : "failure")], factory: metrics)
            .increment()
    }

    // MARK: - Spans

    /// Runs `body` in a new span (a child of `context`, by default the task's current one), which
    /// is the current span while `body` runs — so AsyncHTTPClient's request spans and the trace headers it injects
    /// hang off it. A thrown error is recorded on the span and marks it failed.
    package func withSpan<Result>(
        _ name: String, ofKind kind: SpanKind = .client, context: ServiceContext? = nil,
        _ body: (any Span) async throws(PixelError) -> Result
    ) async throws(PixelError) -> Result {
        guard recordsSpans else { return try await body(NoOpTracer.NoOpSpan(context: .topLevel)) }
        let span = tracer.startSpan(name, context: context ?? .current ?? .topLevel, ofKind: kind)
        defer { span.end() }
        let outcome: Swift.Result<Result, PixelError> = await ServiceContext.$current.withValue(span.context) {
            do throws(PixelError) {
                return .success(try await body(span))
            } catch {
                return .failure(error)
            }
        }
        switch outcome {
        case .success(let value):
            return value
        case .failure(let error):
            span.recordError(error)
            span.setStatus(SpanStatus(code: .error))
            throw error
        }
    }
}

extension Duration {
    /// The whole nanoseconds of this duration (clamped to `Int64`).
    var nanoseconds: Int64 {
        let (seconds, attoseconds) = components
        let (product, overflow) = seconds.multipliedReportingOverflow(by: 1_000_000_000)
        return overflow ? (seconds < 0 ? .min : .max) : product &+ attoseconds / 1_000_000_000
    }
}
