#!/usr/bin/env pwsh
# Builds the suite once and runs it: every layer, or one; optionally filtered.
# The same interface as run-tests.sh. Exit 0 only when tests ran and none failed.
[CmdletBinding()]
param(
    [Parameter(Position = 0)] [ValidateSet('', 'doctor', 'stack', 'selftest')] [string] $Command = '',
    [Parameter(Position = 1)] [ValidateSet('', 'up', 'down')] [string] $StackAction = '',
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
Usage: ./run-tests.ps1 doctor [-Env NAME]     check the environment layer by layer, print the preflight table
       ./run-tests.ps1 stack up|down            run the reference platform on its own
       ./run-tests.ps1 selftest                 the golden-path selection healthy and once per fault switch: the matrix
       ./run-tests.ps1 [-Layer unit|integration|e2e] [-Env NAME] [-Stack processes|containers|auto|remote] [-Filter EXPR] [-Configuration Debug|Release] [-Results DIR] [-NoBuild]

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
$environmentFile = Join-Path $root "environments/$(if ($env:GOLDENPATH_ENV) { $env:GOLDENPATH_ENV } else { 'local' }).json"
$settings = if (Test-Path $environmentFile) { Get-Content -Raw $environmentFile | ConvertFrom-Json } else { $null }
$provider = if ($env:GOLDENPATH__Stack__Provider) { $env:GOLDENPATH__Stack__Provider } else { "$($settings.stack.provider)" }

$projects = switch ($Layer) {
    'unit' { @('UnitTests') }
    'integration' { @('IntegrationTests') }
    'e2e' { @('E2ETests') }
    default { @('UnitTests', 'IntegrationTests', 'E2ETests') }
}

if (-not $Results) { $Results = Join-Path $root 'results' }
New-Item -ItemType Directory -Force -Path $Results | Out-Null
$Results = (Resolve-Path $Results).Path

# doctor and stack run the stack host (fixtures/GoldenPath.StackHost); it is built with the solution.
$stackHost = Join-Path $root "fixtures/GoldenPath.StackHost/bin/$Configuration/net10.0/GoldenPath.StackHost.dll"
$state = Join-Path $Results 'stack-up.json'
function Build-StackHost {
    Say "building the stack host ($Configuration)"
    & dotnet build (Join-Path $root 'fixtures/GoldenPath.StackHost/GoldenPath.StackHost.csproj') -c $Configuration -nologo -clp:ErrorsOnly -v:quiet
    if ($LASTEXITCODE -ne 0) { exit $LASTEXITCODE }
}
function Show-Stack($stack) {
    Write-Host "  auth       $($stack.auth)"
    Write-Host "  backend    $($stack.backend)"
    Write-Host "  websocket  $($stack.websocket)"
    Write-Host 'To run the specs against it as a deployed environment:'
    Write-Host "  `$env:GOLDENPATH_ENV='staging'; `$env:GOLDENPATH__Endpoints__Auth='$($stack.auth)'; `$env:GOLDENPATH__Endpoints__Backend='$($stack.backend)'; `$env:GOLDENPATH__Endpoints__WebSocket='$($stack.websocket)'; `$env:GOLDENPATH__Endpoints__Frontend='$($stack.backend)'; `$env:GOLDENPATH_JWT_SECRET_KEY=(Get-Content -Raw '$($stack.keyFile)')"
}
function Get-RunningStack {
    if (-not (Test-Path $state)) { return $null }
    $stack = Get-Content -Raw $state | ConvertFrom-Json
    if (Get-Process -Id ([int]$stack.pid) -ErrorAction SilentlyContinue) { return $stack }
    return $null
}

if ($Command -eq 'doctor') {
    if (-not (Test-Path $stackHost)) { Build-StackHost }
    & dotnet $stackHost doctor
    exit $LASTEXITCODE
}
if ($Command -eq 'stack' -and $StackAction -eq 'up') {
    $running = Get-RunningStack
    if ($running) { Say "a stack is already up (pid $($running.pid); ./run-tests.ps1 stack down stops it)"; Show-Stack $running; exit 0 }
    if (-not $NoBuild -or -not (Test-Path $stackHost)) { Build-StackHost }
    Remove-Item -Force -ErrorAction SilentlyContinue $state
    $log = Join-Path $Results 'stack-up.log'
    $hostProcess = Start-Process -FilePath dotnet -ArgumentList @($stackHost, 'up', '--state', $state) -RedirectStandardOutput $log -RedirectStandardError "$log.err" -PassThru
    $deadline = [DateTime]::UtcNow.AddSeconds(90)
    while (-not (Test-Path $state) -and -not $hostProcess.HasExited -and [DateTime]::UtcNow -lt $deadline) { Start-Sleep -Milliseconds 200 }
    if (-not (Test-Path $state)) {
        Say 'the stack did not start:'; Get-Content $log, "$log.err" -ErrorAction SilentlyContinue | Write-Host
        if (-not $hostProcess.HasExited) { Stop-Process -Id $hostProcess.Id }
        exit 1
    }
    Say "stack up (pid $($hostProcess.Id); ./run-tests.ps1 stack down stops it)"
    Show-Stack (Get-Content -Raw $state | ConvertFrom-Json)
    exit 0
}
if ($Command -eq 'stack' -and $StackAction -eq 'down') {
    $running = Get-RunningStack
    if (-not $running) { Say 'no stack is up'; Remove-Item -Force -ErrorAction SilentlyContinue $state; exit 0 }
    & kill -TERM $running.pid
    try { Wait-Process -Id ([int]$running.pid) -Timeout 30 -ErrorAction Stop } catch { Say "the stack (pid $($running.pid)) did not stop within 30 s"; exit 1 }
    Remove-Item -Force -ErrorAction SilentlyContinue $state, "$state.key"
    Say 'stack down'
    exit 0
}
if ($Command -eq 'stack') { Say "'stack' takes 'up' or 'down'"; exit 2 }

# A remote stack runs the Conformance specs only: the ReferenceStack ones need a local reference stack. And the
# browser specs only where the environment names the chat page to drive (endpoints.frontend).
if ($Command -eq '' -and $provider -eq 'remote' -and $Layer -ne 'unit') {
    $envLabel = if ($env:GOLDENPATH_ENV) { $env:GOLDENPATH_ENV } else { 'local' }
    if (($Filter -replace '\s', '') -like '*Category=ReferenceStack*') {
        [Console]::Error.WriteLine("run-tests: the filter '$Filter' asks for ReferenceStack specs, which need a local reference stack (-Stack processes or containers: fault switches, a second instance, TLS files); they cannot run on the remote stack of environment '$envLabel'")
        exit 2
    }
    Say "remote stack (environment '$envLabel'): left out the ReferenceStack specs (they need a local reference stack: fault switches, a second instance, TLS files, the reference agent's wording); running the Conformance specs"
    $Filter = if ($Filter) { "($Filter)&Category!=ReferenceStack" } else { 'Category!=ReferenceStack' }
    $frontend = if ($env:GOLDENPATH__Endpoints__Frontend) { $env:GOLDENPATH__Endpoints__Frontend } else { "$($settings.endpoints.frontend)" }
    if (-not $frontend) {
        Say "remote stack (environment '$envLabel'): left out the browser specs (Category=Browser): the environment names no endpoints.frontend, the chat page to drive (see docs/page-contract.md)"
        $Filter = "$Filter&Category!=Browser"
    }
}

# A fresh results folder per run (TRX, coverage, browser artifacts, the report); a running stack's state stays.
Get-ChildItem -Path $Results -Exclude 'stack-up.*' | Remove-Item -Recurse -Force
$env:GOLDENPATH_RESULTS_DIR = $Results

if (-not $NoBuild) {
    Say "building GoldenPath.Tests.sln ($Configuration)"
    $watch = [Diagnostics.Stopwatch]::StartNew()
    & dotnet build GoldenPath.Tests.sln -c $Configuration -nologo -clp:ErrorsOnly -v:quiet
    if ($LASTEXITCODE -ne 0) { Say "the build failed (exit $LASTEXITCODE): see the errors above"; exit $LASTEXITCODE }
    Say ("built in {0:0} s" -f $watch.Elapsed.TotalSeconds)
}

if ($Command -eq 'selftest') {
    & dotnet $stackHost selftest --results (Join-Path $Results 'selftest') --configuration $Configuration
    exit $LASTEXITCODE
}

# The containers stack runs images built from this build (stack/containers/build-images.sh, cached by a
# hash of their inputs). Category=Containers runs only when the run uses the containers stack.
$usesContainers = $provider -eq 'containers' -or ($provider -eq 'auto' -and (Get-Command docker -ErrorAction SilentlyContinue) -and ((& docker version 2>$null) -and $LASTEXITCODE -eq 0))
if ($usesContainers -and $Layer -ne 'unit') {
    $images = if ($env:GOLDENPATH__Containers__Images) { $env:GOLDENPATH__Containers__Images } elseif ($settings.containers.images) { "$($settings.containers.images)" } else { 'local' }
    & bash (Join-Path $root 'stack/containers/build-images.sh') --images $images.ToLowerInvariant() --configuration $Configuration --no-build
    if ($LASTEXITCODE -ne 0) { Say "the containers stack's images could not be built (exit $LASTEXITCODE): see above"; exit $LASTEXITCODE }
}
elseif (-not $usesContainers) {
    Say "Category=Containers (the containers stack's cleanup specs) runs only on the containers stack (-Stack containers)"
    $Filter = if ($Filter) { "($Filter)&Category!=Containers" } else { 'Category!=Containers' }
}

$failedProjects = @()
foreach ($project in $projects) {
    Say ("running GoldenPath.$project" + $(if ($Filter) { " (filter: $Filter)" } else { '' }))
    $arguments = @('test', "tests/GoldenPath.$project/GoldenPath.$project.csproj", '--no-build', '-c', $Configuration, '-nologo',
        '--results-directory', $Results, '--logger', "trx;LogFileName=GoldenPath.$project.trx",
        '--logger', "junit;LogFilePath=$(Join-Path $Results "GoldenPath.$project.junit.xml");MethodFormat=Class;FailureBodyFormat=Verbose",
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
