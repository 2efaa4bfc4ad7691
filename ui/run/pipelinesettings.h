#pragma once

// What the run panel's "Your pipeline" target asks for (issue 13): the user's commands (run
// concurrently, each with a name its output lines are prefixed by), their working folder, the
// folder the input files are generated into (empty: a new folder beside the run record), the
// database (a connection profile by name, or the embedded local server), the map from schema
// tables and columns to the pipeline's targets (edited in a table, loaded from and saved to a
// map file), the pipeline's reject file, the share and kinds of dirty rows, a timeout, repeats
// and a command run before each repeat. Plain data like RunSettings, which holds it; a password
// is never part of it.

#include "pg/pipelinejob.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace spillway {

struct PipelineSettings
{
    QList<PipelineCommand> commands;
    QString workingDirectory;
    QString filesDirectory; // empty: beside the run record
    QString profileName;    // the database's connection profile; empty: the local server
    QString mapFile;        // the map's file (Load…/Save…); the map may differ until saved
    VerifyMap map;
    QString rejectsFile;       // the pipeline's own reject file, for verify; empty: none
    double dirtyPercent = 0;   // of each table's rows
    QStringList dirtyKinds;    // dirtyKindName()s; empty: every kind
    double timeoutSeconds = 0; // 0: none
    int repeat = 1;
    QString beforeCommand;

    // Problems that stop a run before it starts (no command, a command without a command line,
    // an unknown dirty kind...); empty when fine.
    QStringList problems() const;
    // The commands with a command line (blank rows of the editor left out), names filled in.
    QList<PipelineCommand> runnableCommands() const;
    DirtyOptions dirtyOptions() const;

    // `spillway-cli pipeline` arguments after the schema, except the database's and the
    // data's (RunSettings adds those), unquoted.
    QStringList arguments() const;
    QJsonObject toJson() const;
    static PipelineSettings fromJson(const QJsonObject &object);
    // What a run record keeps of them (masked by the recorder).
    QJsonObject recordSettings() const;

    static QString defaultName(int command); // "1", "2", ... as the job names them
};

} // namespace spillway
