function Test-TsDocument {
    <#
    .SYNOPSIS
    Validates a sequence document against the generated step model; returns every problem.
    .DESCRIPTION
    Returns a list of strings "<JSON path>: <what was expected>", empty when the document is
    valid. The checks come from $script:TsStepTypes (generated from the TypeScript model), so
    PowerShell callers get the same rules as the JSON schema Node validates with.
    #>
    [CmdletBinding()]
    [OutputType([string[]])]
    param([AllowNull()][object]$Document)
    $errors = [System.Collections.Generic.List[string]]::new()
    if ($Document -isnot [System.Collections.IDictionary]) {
        $errors.Add('$: must be an object with "name" and "steps"')
        return , $errors.ToArray()
    }
    # The root properties come from the model (src/model/sequence.ts); "$comment" is allowed everywhere.
    $properties = @{}
    foreach ($property in $script:TsDocumentProperties) { $properties[$property.Name] = $property }
    $allowed = @('$comment') + @($script:TsDocumentProperties | ForEach-Object { $_.Name })
    foreach ($key in $Document.Keys) {
        if ($allowed -notcontains $key) { $errors.Add("`$.$($key): unknown property (allowed: $($allowed -join ', '))"); continue }
        # name, variables and steps have their own checks below.
        if ($properties[$key].Type -ne 'string' -or $key -eq 'name') { continue }
        $problem = Test-TsParameterValue -Parameter $properties[$key] -Value $Document[$key]
        if ($null -ne $problem) { $errors.Add("`$.$($key): $problem") }
    }
    if (-not $Document.Contains('name') -or $Document['name'] -isnot [string] -or $Document['name'].Length -eq 0) {
        $errors.Add('$.name: must be a non-empty string')
    }
    if ($Document.Contains('variables')) {
        $variables = $Document['variables']
        if ($variables -isnot [System.Collections.IDictionary]) {
            $errors.Add('$.variables: must be an object whose values are strings')
        }
        else {
            foreach ($name in $variables.Keys) {
                if ($variables[$name] -isnot [string]) { $errors.Add("`$.variables.$($name): must be a string") }
            }
        }
    }
    if (-not $Document.Contains('steps')) {
        $errors.Add('$.steps: is required (an array of steps)')
    }
    else {
        Test-TsStepList -Steps $Document['steps'] -JsonPath '$.steps' -Errors $errors
    }
    return , $errors.ToArray()
}
