/// The former name of ``DataCollectionResource``, from when only uploads were generic.
@available(*, deprecated, renamed: "DataCollectionResource")
public typealias UploadableResource = DataCollectionResource
