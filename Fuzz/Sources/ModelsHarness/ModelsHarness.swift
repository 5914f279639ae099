import Foundation
import FuzzSupport

/// Every `Decodable` model of `Sources/PixelClient/Models`, decoded the way the client decodes API
/// responses (`PixelJSON.decoder`). `scripts/fuzz models` checks that no model is missing
/// from this list.
///
/// The first input byte picks the model, the rest is the JSON. Promises checked beyond "no
/// crash, no hang, bounded memory": a decoded value encodes (`PixelJSON.encoder`), and after
/// one encode/decode round trip a second one changes nothing (the first may normalise, e.g. drop
/// fractional seconds of a date).
let models: [(name: String, check: @Sendable (Data) -> Void)] = [
    model(DataCollection.self), model(RasterInfo.self), model(GeoJSONPolygon.self), model(JSONValue.self),
    model(Job.self), model(JobGroup.self), model(JobReference.self), model(JobGroupReference.self),
    model(ImageMetadataFields.self), model(BasicMetadataFields.self), model(MetadataFields.self), model(MetadataObject.self),
    model(PixelID<PixelResourceTag.Project>.self), model(UserID.self), model(Project.self),
    model(Image.self), model(Raster.self), model(PointCloud.self),
    model(UploadPartDescriptor.self), model(SupportFileDescriptor.self), model(UploadFileDescriptor.self),
    model(UploadJobsCreate.self), model(UploadPartTarget.self), model(SupportFileTarget.self), model(UploadResult.self),
    model(UploadJob.self), model(UploadFinishedResponse.self), model(MultipleUploadFinishedRequest.self),
    model(MultipleUploadFinishedResponse.self), model(MultipleUploadFinishedResponse.UploadJobReference.self),
    model(PresignedPost.self), model(Attachment.self), model(AttachmentDescriptor.self), model(AttachmentsCreate.self),
    model(User.self), model(Plugin.self),
    model(DataCollectionType.self), model(RasterFormat.self), model(PointCloudFormat.self), model(UserType.self),
    model(JobStatus.self), model(UploadJobStatus.self), model(SearchTarget.self), model(AttachmentStatus.self),
    model(AttachmentResourceType.self), model(ResourceKind.self),
    model(OptimizedRaster.self), model(OptimizedPointCloud.self), model(RasterCreationOptions.self), model(NearblackOptions.self),
    model(NearblackColor.self), model(NearblackAlgorithm.self), model(OverviewResampling.self), model(ProcessingStatus.self),
    model(ImageProcessedType.self),
    model(ArcGISService.self), model(ArcGISServiceChange.self), model(ArcGISServiceOptions.self), model(ArcGISServiceType.self),
    model(ArcGISFeatureServiceOptions.self), model(ArcGISImageLayerOptions.self), model(ArcGISImageServiceOptions.self),
    model(ArcGISProjectLayerOptions.self), model(ArcGISWMSOptions.self),
    model(HarvestService.self), model(HarvestServiceChange.self), model(HarvestTask.self), model(HarvestFieldMap.self),
    model(HarvestFieldMapping.self),
    model(AnalysisModule.self), model(AnalysisService.self), model(AnalysisTask.self), model(AnalysisTaskStatus.self),
    model(DeletionResult.self),
    // List endpoints decode arrays of the same models.
    model([Project].self), model([Image].self), model([UploadJob].self),
]

private let decoder = PixelJSON.decoder
private let encoder = PixelJSON.encoder

private func model<T: Codable & Hashable & Sendable>(_ type: T.Type) -> (name: String, check: @Sendable (Data) -> Void) {
    (
        "\(T.self)",
        { data in
            guard let value = try? decoder.decode(T.self, from: data) else { return }
            guard let once = try? encoder.encode(value) else { return invariant(false, "\(T.self) decoded but does not encode") }
            guard let normalised = try? decoder.decode(T.self, from: once) else {
                return invariant(false, "\(T.self) does not decode what it encoded: \(String(decoding: once, as: UTF8.self))")
            }
            guard let twice = try? encoder.encode(normalised) else { return invariant(false, "\(T.self) re-decoded but does not encode") }
            let again = try? decoder.decode(T.self, from: twice)
            invariant(again == normalised, "\(T.self) changes in a second encode/decode round trip")
        }
    )
}

/// Decodes the rest of the input as the model its first byte selects.
@c(LLVMFuzzerTestOneInput)
public func fuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data, size > 0 else { return 0 }
    let selected = models[Int(data[0]) % models.count]
    selected.check(Data(bytes: data + 1, count: size - 1))
    return 0
}
