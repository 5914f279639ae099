/// Jobs and job groups. Jobs complete on polls, not on a clock, so tests are deterministic: a job
/// completes on the poll after `pollsUntilComplete` incomplete ones (an upload job also waits for
/// its verification); a group completes all its jobs at once, after at least one incomplete poll.
/// Completing a job applies its ``JobWork``.
extension TenantData {
    func jobJSON(_ job: Job) -> JSONValue {
        [
            "id": .int(job.id), "job_id": .int(job.id), "name": .string(job.name), "status": .string(job.status),
            "completed": .bool(job.completed), "group_id": job.groupID.json, "upload_job_id": job.uploadJobID.json,
            "created_at": .string(job.createdAt),
        ]
    }

    /// Creates a job that applies `work` once it completes.
    mutating func startJob(named name: String, _ work: JobWork) -> Job {
        let job = Job(id: nextID("job"), name: name, work: work)
        jobs[job.id] = job
        return job
    }

    mutating func pollJob(_ id: Int, pollsUntilComplete: Int, store: inout ObjectStoreState) throws(APIError) -> JSONValue {
        guard var job = jobs[id] else { throw .notFound("Job \(id)") }
        if !job.completed {
            if job.polls < pollsUntilComplete || !job.isReady {
                job.polls += 1
                jobs[id] = job
                markInProgress(job)
            } else {
                complete(id, store: &store)
            }
        }
        return jobJSON(jobs[id] ?? job)
    }

    mutating func pollGroup(_ id: Int, pollsUntilComplete: Int, store: inout ObjectStoreState) throws(APIError) -> JSONValue {
        guard var group = groups[id] else { throw .notFound("Job group \(id)") }
        if !group.completed {
            let ready = group.jobIDs.allSatisfy { jobs[$0]?.isReady == true || jobs[$0]?.completed == true }
            if group.polls < max(1, pollsUntilComplete) || !ready {
                group.polls += 1
                for jobID in group.jobIDs { if let job = jobs[jobID] { markInProgress(job) } }
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

    /// Applies a job's work once; later calls do nothing.
    mutating func complete(_ jobID: Int, store: inout ObjectStoreState) {
        guard var job = jobs[jobID], !job.completed else { return }
        job.completed = true
        switch job.work {
        case .upload(let uploadJobID, let outcome):
            job.status = completeUpload(uploadJobID, outcome, store: &store) ? "success" : "failed"
        case .optimize(let kind, let id):
            finishOptimization(kind, id)
            job.status = "success"
        case .arcgis(let serviceID, let action):
            finishArcGISAction(action, serviceID: serviceID)
            job.status = "success"
        }
        jobs[jobID] = job
    }

    /// Shows that polled work has begun, where the work's target has a status of its own.
    private mutating func markInProgress(_ job: Job) {
        if case .optimize(let kind, let id) = job.work { startOptimization(kind, id) }
    }

    /// Creates the uploaded resource or fails the upload job; `true` on success.
    private mutating func completeUpload(_ uploadJobID: Int, _ outcome: UploadOutcome?, store: inout ObjectStoreState) -> Bool {
        guard var uploadJob = uploadJobs[uploadJobID] else { return false }
        defer { uploadJobs[uploadJobID] = uploadJob }
        switch outcome {
        case .success(let key, let md5, let size):
            guard let collection = dataCollections[uploadJob.dataCollectionID], let kind = kind(of: collection) else {
                uploadJob.status = "failed"
                uploadJob.detail = "Data collection \(uploadJob.dataCollectionID) no longer exists"
                return false
            }
            let resourceID = createResource(from: uploadJob, kind: kind, md5: md5, size: size)
            store.objects[key]?.resourceType = kind.rawValue
            store.objects[key]?.resourceID = resourceID
            uploadJob.status = "validated_and_moved"
            uploadJob.result = ["resource_name": .string(kind.rawValue), "resource_id": .int(resourceID)]
            return true
        case .failure(let detail):
            uploadJob.status = "failed"
            uploadJob.detail = detail
            return false
        case nil:
            uploadJob.status = "failed"
            uploadJob.detail = "Validation did not finish"
            return false
        }
    }
}
