/// §5.8 jobs and job groups. A job completes after `pollsUntilComplete` incomplete polls; completing
/// an upload job's job applies its verified outcome (creates the image/raster/point cloud or fails).
extension TenantData {
    func jobJSON(_ job: Job) -> JSONValue {
        [
            "id": .int(job.id), "job_id": .int(job.id), "name": .string(job.name), "status": .string(job.status),
            "completed": .bool(job.completed), "group_id": job.groupID.json, "upload_job_id": job.uploadJobID.json,
            "created_at": .string(job.createdAt),
        ]
    }

    mutating func pollJob(_ id: Int, pollsUntilComplete: Int, store: inout ObjectStoreState) throws(APIError) -> JSONValue {
        guard var job = jobs[id] else { throw .notFound("Job \(id)") }
        if !job.completed {
            if job.polls < pollsUntilComplete || job.outcome == nil {
                job.polls += 1
                jobs[id] = job
            } else {
                complete(id, store: &store)
            }
        }
        return jobJSON(jobs[id] ?? job)
    }

    mutating func pollGroup(_ id: Int, pollsUntilComplete: Int, store: inout ObjectStoreState) throws(APIError) -> JSONValue {
        guard var group = groups[id] else { throw .notFound("Job group \(id)") }
        if !group.completed {
            let ready = group.jobIDs.allSatisfy { jobs[$0]?.outcome != nil || jobs[$0]?.completed == true }
            if group.polls < max(1, pollsUntilComplete) || !ready {
                group.polls += 1
            } else {
                for jobID in group.jobIDs { complete(jobID, store: &store) }
                group.completed = true
            }
            groups[id] = group
        }
        return groupJSON(group)
    }

    func groupJSON(_ group: JobGroup) -> JSONValue {
        let members = group.jobIDs.compactMap { jobs[$0] }
        let success = members.filter { $0.completed && $0.status == "success" }.count
        let failed = members.filter { $0.completed && $0.status == "failed" }.count
        return [
            "id": .int(group.id), "group_id": .int(group.id), "completed": .bool(group.completed),
            "total_jobs": .int(group.jobIDs.count), "success_count": .int(success), "failed_count": .int(failed),
            "job_ids": .array(group.jobIDs.map(JSONValue.int)),
        ]
    }

    mutating func createGroup(jobIDs: [Int]) -> Int {
        let id = nextID("job_group")
        groups[id] = JobGroup(id: id, jobIDs: jobIDs)
        for jobID in jobIDs { jobs[jobID]?.groupID = id }
        return id
    }

    /// Applies a job's outcome once; later calls do nothing.
    mutating func complete(_ jobID: Int, store: inout ObjectStoreState) {
        guard var job = jobs[jobID], !job.completed else { return }
        job.completed = true
        defer { jobs[jobID] = job }
        guard let uploadJobID = job.uploadJobID, var uploadJob = uploadJobs[uploadJobID] else {
            job.status = "success"
            return
        }
        defer { uploadJobs[uploadJobID] = uploadJob }
        switch job.outcome {
        case .success(let key, let md5, let size):
            guard let collection = dataCollections[uploadJob.dataCollectionID], let kind = kind(of: collection) else {
                job.status = "failed"
                uploadJob.status = "failed"
                uploadJob.detail = "Data collection \(uploadJob.dataCollectionID) no longer exists"
                return
            }
            let resourceID = createResource(from: uploadJob, kind: kind, md5: md5, size: size)
            store.objects[key]?.resourceType = kind.rawValue
            store.objects[key]?.resourceID = resourceID
            job.status = "success"
            uploadJob.status = "validated_and_moved"
            uploadJob.result = ["resource_name": .string(kind.rawValue), "resource_id": .int(resourceID)]
        case .failure(let detail):
            job.status = "failed"
            uploadJob.status = "failed"
            uploadJob.detail = detail
        case nil:
            job.status = "failed"
            uploadJob.status = "failed"
            uploadJob.detail = "Validation did not finish"
        }
    }
}
