#!/usr/bin/env pwsh
# Builds the suite once and runs it: every layer, or one; optionally filtered.
# The same interface as run-tests.sh. Exit 0 only when tests ran and none failed.
[CmdletBinding()]
param(
    [ValidateSet('', 'unit', 'integration', 'e2e')] [string] $Layer = '',
    [string] $Env = '',
    [ValidateSet('', 'processes', 'containers', 'auto', 'remote')] [string] $Stack = '',
    [string] $Filter = '',
    [ValidateSet('Debug', 'Release')] [string] $Configuration = 'Debug',
    [string] $Results = '',
    [switch] $NoBuild,
    [switch] $Help
)

$ErrorActionPreference = 'Stop'
function Say([string] $text) { Write-Host "run-tests: $text" }

if ($Help) {
    @'
Usage: ./run-tests.ps1 [-Layer unit|integration|e2e] [-Env NAME] [-Stack processes|containers|auto|remote] [-Filter EXPR] [-Configuration Debug|Release] [-Results DIR] [-NoBuild]

Examples:
  ./run-tests.ps1 -Filter Category=GoldenPath    the golden path on the embedded local stack
  ./run-tests.ps1                                 the whole suite
'@ | Write-Host
    exit 0
}

$root = $PSScriptRoot
Set-Location $root
if (-not (Get-Command dotnet -ErrorAction SilentlyContinue)) {
    Say 'dotnet is not on PATH: install the .NET 10 SDK (https://dot.net)'; exit 2
}
$env:DOTNET_NOLOGO = '1'; $env:DOTNET_CLI_TELEMETRY_OPTOUT = '1'
if ($Env) {
    if (-not (Test-Path (Join-Path $root "environments/$Env.json"))) { Say "no environment '$Env': environments/$Env.json does not exist"; exit 2 }
    $env:GOLDENPATH_ENV = $Env
}
if ($Stack) { $env:GOLDENPATH__Stack__Provider = $Stack }

$projects = switch ($Layer) {
    'unit' { @('UnitTests') }
    'integration' { @('IntegrationTests') }
    'e2e' { @('E2ETests') }
    default { @('UnitTests', 'IntegrationTests', 'E2ETests') }
}

if (-not $Results) { $Results = Join-Path $root 'results' }
New-Item -ItemType Directory -Force -Path $Results | Out-Null
$Results = (Resolve-Path $Results).Path
Remove-Item -Force -ErrorAction SilentlyContinue (Join-Path $Results '*.trx'), (Join-Path $Results 'run-report.txt')
$env:GOLDENPATH_RESULTS_DIR = $Results

if (-not $NoBuild) {
    Say "building GoldenPath.Tests.sln ($Configuration)"
    $watch = [Diagnostics.Stopwatch]::StartNew()
    & dotnet build GoldenPath.Tests.sln -c $Configuration -nologo -clp:ErrorsOnly -v:quiet
    if ($LASTEXITCODE -ne 0) { Say "the build failed (exit $LASTEXITCODE): see the errors above"; exit $LASTEXITCODE }
    Say ("built in {0:0} s" -f $watch.Elapsed.TotalSeconds)
}

$failedProjects = @()
foreach ($project in $projects) {
    Say ("running GoldenPath.$project" + $(if ($Filter) { " (filter: $Filter)" } else { '' }))
    $arguments = @('test', "tests/GoldenPath.$project/GoldenPath.$project.csproj", '--no-build', '-c', $Configuration, '-nologo',
        '--results-directory', $Results, '--logger', "trx;LogFileName=GoldenPath.$project.trx",
        '--logger', 'console;verbosity=normal', '--settings', (Join-Path $root 'coverlet.runsettings'))
    if ($Filter) { $arguments += @('--filter', $Filter) }
    & dotnet @arguments
    if ($LASTEXITCODE -ne 0) { $failedProjects += "GoldenPath.$project (exit $LASTEXITCODE)" }
}

# Count what ran from the TRX files: the runner itself exits 0 when a filter matches nothing.
$total = 0; $passed = 0; $failed = 0; $skipped = 0
foreach ($trx in Get-ChildItem -Path $Results -Filter '*.trx') {
    $counters = ([xml](Get-Content -Raw $trx.FullName)).TestRun.ResultSummary.Counters
    $total += [int]$counters.executed
    $passed += [int]$counters.passed
    $failed += [int]$counters.failed + [int]$counters.error + [int]$counters.timeout + [int]$counters.aborted
    $skipped += [int]$counters.notExecuted
}

$report = Join-Path $Results 'run-report.txt'
if (Test-Path $report) {
    Write-Host ''
    Say 'stack report:'
    Get-Content $report | ForEach-Object { Write-Host "  $_" }
}
Write-Host ''
Say "results in $Results"

if ($total -eq 0 -and $failedProjects.Count -eq 0) {
    $why = if ($Filter) { ": the filter '$Filter' matched no test" } else { '' }
    Say "no test ran$why. A run that executes nothing proves nothing: check the filter (e.g. Category=GoldenPath, Category=Integration)."
    Write-Host '0 passed, 0 failed'
    exit 1
}

Write-Host "$passed passed, $failed failed, $skipped skipped"
if ($failedProjects.Count -gt 0 -or $failed -gt 0) {
    Say ("FAILED: " + $(if ($failedProjects.Count) { $failedProjects -join ', ' } else { "$failed tests failed" }))
    exit 1
}
Say "all $passed tests passed"
