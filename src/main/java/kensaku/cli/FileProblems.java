package kensaku.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns a file the operator named wrongly (a missing corpus, an unreadable folder, an index not built yet) into
 * one line naming the command, the path and the reason, and exit status 2, instead of a Java stack trace.
 * Anything else is a bug in kensaku and keeps its stack trace. The benchmark's commands use it too.
 */
public final class FileProblems implements IExecutionExceptionHandler {
    private static final int EXIT_CODE = 2;

    @Override
    public int handleExecutionException(Exception failure, CommandLine command, ParseResult parsed) throws Exception {
        IOException problem = ioProblem(failure);
        if (problem == null) {
            throw failure;
        }
        command.getErr().println("kensaku " + command.getCommandName() + ": " + describe(problem));
        command.getErr().flush();
        return EXIT_CODE;
    }

    private static IOException ioProblem(Exception failure) {
        if (failure instanceof IOException io) {
            return io;
        }
        if (failure instanceof UncheckedIOException unchecked) {
            return unchecked.getCause();
        }
        return null;
    }

    private static String describe(IOException problem) {
        if (problem instanceof FileSystemException files && files.getFile() != null) {
            String reason = files.getReason() != null ? files.getReason() : switch (files) {
                case NoSuchFileException missing -> "no such file or folder";
                case AccessDeniedException denied -> "permission denied";
                case NotDirectoryException notFolder -> "not a folder";
                case FileAlreadyExistsException exists -> "already exists";
                default -> files.getClass().getSimpleName();
            };
            return files.getFile() + ": " + reason;
        }
        return problem.getMessage() == null ? problem.getClass().getSimpleName() : problem.getMessage();
    }
}
