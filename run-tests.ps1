#!/usr/bin/env pwsh
# Bootstraps the runner (tools/GoldenPath.Runner) and hands it every argument; it does the rest: installing what a run
# needs, building, the stack, the specs, the reports. ./run-tests.ps1 -Help lists its commands and options.
# PowerShell-style flags map to the runner's: -Filter X is --filter X, -NoBuild is --no-build, -Layer e2e is --layer e2e.
$ErrorActionPreference = 'Stop'
function Say([string] $text) { [Console]::Error.WriteLine("run-tests: $text") }

if (-not (Get-Command dotnet -ErrorAction SilentlyContinue)) {
    Say 'dotnet is not on PATH: install the .NET 10 SDK (https://dot.net; Windows: winget install Microsoft.DotNet.SDK.10)'
    exit 2
}
$env:DOTNET_NOLOGO = '1'; $env:DOTNET_CLI_TELEMETRY_OPTOUT = '1'
$arguments = @($args | ForEach-Object {
    if ("$_" -cmatch '^-([A-Za-z][A-Za-z]+)$') { '--' + ($Matches[1] -creplace '(?<=[a-z])([A-Z])', '-$1').ToLowerInvariant() } else { "$_" }
})

# The runner runs from a copy of its build (obj/runner-<checksum>), so the suite's build can rewrite bin/ under it. Several
# run-tests may start at once in one checkout: a copy is never changed once made; a new build goes to a new copy, and
# obj/runner-current (the name of the copy to run) is replaced by a rename. This shell holds a shared lock on its copy's
# .in-use file while the runner runs, and a copy is deleted only when no one does. Building takes obj/runner-build.lock.
$project = Join-Path $PSScriptRoot 'tools/GoldenPath.Runner'
$obj = Join-Path $project 'obj'
$current = Join-Path $obj 'runner-current'
function Open-Lock([string] $path, [bool] $exclusive) { # the FileStream holding the lock (flock on Unix), or $null when another holds it
    try { if ($exclusive) { [IO.File]::Open($path, 'OpenOrCreate', 'ReadWrite', 'None') } else { [IO.File]::Open($path, 'Open', 'Read', 'ReadWrite') } } catch [IO.IOException] { $null }
}
function Get-CopyToRun {
    $name = if (Test-Path $current) { (Get-Content $current -TotalCount 1) } else { '' }
    $dir = if ($name) { Join-Path $obj $name } else { '' }
    if ($dir -and (Test-Path (Join-Path $dir 'GoldenPath.Runner.dll'))) { $dir } else { $null }
}

if (($arguments -notcontains '--no-build') -or -not (Get-CopyToRun)) {
    New-Item -ItemType Directory -Force $obj | Out-Null
    $buildLock = Open-Lock (Join-Path $obj 'runner-build.lock') $true
    if (-not $buildLock) {
        Say 'waiting for another run-tests to finish building the runner (up to 5 min)'
        $deadline = [DateTime]::UtcNow.AddMinutes(5)
        while (-not $buildLock -and [DateTime]::UtcNow -lt $deadline) { Start-Sleep -Milliseconds 250; $buildLock = Open-Lock (Join-Path $obj 'runner-build.lock') $true }
        if (-not $buildLock) { Say 'another run-tests has been building the runner for 5 min: stop it, or try again'; exit 2 }
    }
    try {
        $output = & dotnet build (Join-Path $project 'GoldenPath.Runner.csproj') -c Debug -nologo -clp:ErrorsOnly -v:quiet 2>&1
        if ($LASTEXITCODE -ne 0) { $output | Write-Host; Say 'the runner (tools/GoldenPath.Runner) did not build: see the errors above'; exit 2 }
        $bin = Join-Path $project 'bin/Debug/net10.0'
        $sha = [Security.Cryptography.IncrementalHash]::CreateHash('SHA256')
        Get-ChildItem -Recurse -File $bin | Sort-Object FullName | ForEach-Object { $sha.AppendData([IO.File]::ReadAllBytes($_.FullName)) }
        $name = 'runner-' + [Convert]::ToHexString($sha.GetHashAndReset()).Substring(0, 12).ToLowerInvariant()
        $copy = Join-Path $obj $name
        if (-not (Test-Path (Join-Path $copy 'GoldenPath.Runner.dll'))) {
            Remove-Item -Recurse -Force "$copy.tmp" -ErrorAction SilentlyContinue
            Copy-Item -Recurse $bin "$copy.tmp"
            New-Item -ItemType File "$copy.tmp/.in-use" | Out-Null
            Move-Item "$copy.tmp" $copy
        }
        [IO.File]::WriteAllText("$current.$PID", $name)
        [IO.File]::Move("$current.$PID", $current, $true)
        foreach ($old in Get-ChildItem -Directory $obj -Filter 'runner-*' | Where-Object Name -ne $name) { # the copies no runner runs from any more
            $held = Open-Lock (Join-Path $old.FullName '.in-use') $true
            if ($held) { try { Remove-Item -Recurse -Force $old.FullName -ErrorAction SilentlyContinue } finally { $held.Dispose() } }
        }
    }
    finally { $buildLock.Dispose() }
}

# A copy replaced (and deleted) between reading its name and locking it: read the name again.
foreach ($attempt in 1..3) {
    $dir = Get-CopyToRun
    $inUse = if ($dir) { Open-Lock (Join-Path $dir '.in-use') $false } else { $null }
    if ($inUse -and (Test-Path (Join-Path $dir 'GoldenPath.Runner.dll'))) {
        try { & dotnet (Join-Path $dir 'GoldenPath.Runner.dll') @arguments; exit $LASTEXITCODE } finally { $inUse.Dispose() }
    }
    if ($inUse) { $inUse.Dispose() }
}
Say "could not start the runner from $current`: run without -NoBuild to rebuild it"
exit 2
