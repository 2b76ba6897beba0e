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

# The runner runs from a copy of its build, so the suite's build can rewrite tools/GoldenPath.Runner/bin under it.
$project = Join-Path $PSScriptRoot 'tools/GoldenPath.Runner'
$copy = Join-Path $project 'obj/runner'
if (($arguments -notcontains '--no-build') -or -not (Test-Path (Join-Path $copy 'GoldenPath.Runner.dll'))) {
    $output = & dotnet build (Join-Path $project 'GoldenPath.Runner.csproj') -c Debug -nologo -clp:ErrorsOnly -v:quiet 2>&1
    if ($LASTEXITCODE -ne 0) { $output | Write-Host; Say 'the runner (tools/GoldenPath.Runner) did not build: see the errors above'; exit 2 }
    Remove-Item -Recurse -Force $copy -ErrorAction SilentlyContinue
    Copy-Item -Recurse (Join-Path $project 'bin/Debug/net10.0') $copy
}
& dotnet (Join-Path $copy 'GoldenPath.Runner.dll') @arguments
exit $LASTEXITCODE
