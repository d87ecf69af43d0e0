import Foundation
import RunFiles
import VFMCore

extension StagingDirectory {
    /// Makes the staged run the one at the destination, atomically.
    ///
    /// Why no reader, and no crash at any instant, can see a half-written run at the
    /// destination path:
    /// 1. Every file of the run is written inside the staging directory, which nothing
    ///    reads, and every file and directory of it is `fsync`ed before it becomes visible
    ///    (so a power cut cannot expose files whose data never reached the disk).
    /// 2. When the destination exists, `renameat2(staging, destination, RENAME_EXCHANGE)`
    ///    swaps the two directory entries in one step of the kernel: before the call the
    ///    destination names the complete old run, after it the complete new one; there is
    ///    no moment at which it names nothing or a mixture. The old run is now at the
    ///    staging path and is deleted afterwards (a run killed before that deletion leaves
    ///    it as a `.<name>.vfm-tmp-<pid>` leftover, removed by the next run).
    /// 3. When the destination does not exist yet, a plain `rename(2)` creates it in one
    ///    step; before it there was no run to preserve.
    /// 4. The parent directory is `fsync`ed so the new entry survives a crash.
    ///
    /// Both names are in the same directory, hence on the same filesystem, as rename
    /// requires. Publishing a whole directory by swapping its name — rather than renaming
    /// files one by one — is what keeps `report.md` and `tables/*.csv` of the published
    /// run always from the same run.
    ///
    /// - Parameter afterSwap: called between the swap and the deletion of the old run
    ///   (the test hook pauses there).
    /// - Throws: `.ioError` (74) when flushing or renaming fails; the destination then
    ///   still holds the previous run.
    public func publish(log: StageLog, afterSwap: () -> Void = {}) throws(VFMError) {
        try Self.flush(path)
        let destinationPath = destination.path
        var status = lstatus(destinationPath)
        if status == 0 {
            let code = RenameExchange.exchange(path, destinationPath)
            if code == ENOENT {
                status = ENOENT  // removed since we looked: publish by plain rename below
            } else if code != 0 {
                throw VFMError(.ioError, "cannot swap the new run into place: \(PosixError.message(code))",
                               file: destinationPath,
                               hint: code == EINVAL || code == ENOSYS
                                   ? "this filesystem cannot exchange directories atomically (renameat2 RENAME_EXCHANGE); put --output on a local filesystem such as ext4, xfs, btrfs or tmpfs"
                                   : "the previous output is untouched; check the output directory and run again")
            }
        }
        if status != 0 {
            guard rename(path, destinationPath) == 0 else {
                let code = errno
                throw VFMError(.ioError, "cannot move the new run into place: \(PosixError.message(code))",
                               file: destinationPath, hint: "check the output directory and run again")
            }
        }
        syncDirectory(destination.parent)
        afterSwap()
        // After an exchange the staging path holds the old run; after a rename it is gone.
        Self.remove(path, log: log, what: "the run this one replaced")
    }

    private func lstatus(_ path: String) -> Int32 {
        var info = stat()
        return lstat(path, &info) == 0 ? 0 : errno
    }

    /// `fsync(2)` on every file and directory under `root`, deepest first. `vfm run` also
    /// calls it on each stage's directory as soon as that stage's files are written, in the
    /// background, so that at a million services the gigabyte of run files goes to disk
    /// while later stages compute, and `publish`'s own flush finds little left to write.
    static func flush(_ root: String) throws(VFMError) {
        var paths: [String] = []
        if let enumerator = FileManager.default.enumerator(atPath: root) {
            while let relative = enumerator.nextObject() as? String {
                paths.append((root as NSString).appendingPathComponent(relative))
            }
        }
        for path in paths.reversed() + [root] {
            let descriptor = open(path, O_RDONLY | O_CLOEXEC)
            // Gone since it was listed: a file another write of this run was renaming into
            // place (`vfm run` flushes one queue's files while the other writes); whatever
            // took its name is flushed by `publish`.
            if descriptor < 0, errno == ENOENT { continue }
            guard descriptor >= 0 else { throw PosixError.output(errno, "opening the staged file", path: path) }
            defer { close(descriptor) }
            guard fsync(descriptor) == 0 else { throw PosixError.output(errno, "flushing the new run to disk", path: path) }
        }
    }

    /// Best effort: the rename already happened; this only makes it durable sooner.
    private func syncDirectory(_ path: String) {
        let descriptor = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { return }
        _ = fsync(descriptor)
        close(descriptor)
    }
}

extension RunDestination {
    /// Refuses to replace something that is not a run: publishing swaps the *whole*
    /// directory away and deletes it, so `--output ~` by mistake must not delete a home
    /// directory, nor `--output` a web app's folder that happens to hold a `manifest.json`
    /// its `src/` (issue 31). Replaceable: nothing there yet, an empty directory, or a
    /// previous vfm run — a directory whose `manifest.json` is a vfm manifest (tool `vfm`)
    /// and which holds nothing but that manifest and the files it lists (`PreviousRun`).
    /// - Throws: `.cannotCreateOutput` (73), touching nothing.
    public func checkReplaceable() throws(VFMError) {
        var info = stat()
        guard lstat(path, &info) == 0 else { return }
        let kind = info.st_mode & S_IFMT
        if kind == S_IFLNK {
            throw VFMError(.cannotCreateOutput, "is a symbolic link; vfm replaces the output directory itself when it publishes",
                           file: path, hint: "pass the real directory to --output")
        }
        guard kind == S_IFDIR else {
            throw VFMError(.cannotCreateOutput, "exists and is not a directory", file: path,
                           hint: "choose another --output, or remove the file")
        }
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
        guard !entries.isEmpty else { return }
        guard entries.contains(RunLayout.manifest) else {
            throw VFMError(.cannotCreateOutput,
                           "is not empty and holds no \(RunLayout.manifest), so it is not a previous run; vfm replaces the whole directory when it publishes",
                           file: path, hint: "choose a new or empty directory for --output")
        }
        try PreviousRun.check(self)
    }
}
