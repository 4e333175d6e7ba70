// A fixed corpus of strings written to break out of data into code, in PowerShell, sh and cmd
// alike: each would create `marker` if any interpreter ran it. hostileCorpus.test.ts uses them
// as variables and step parameters and checks the marker never appears.

/** The corpus for a marker file path. */
export function hostileStrings(marker: string): string[] {
  const ps = `New-Item -ItemType File -Path '${marker}'`;
  const psDouble = `New-Item -ItemType File -Path "${marker}"`;
  return [
    `$(${ps})`,
    `@(${ps})`,
    `'; ${ps}; '`,
    `"; ${psDouble}; "`,
    `\u2019; ${ps}; \u2018`, // PowerShell reads curly quotes as quotes
    `\u201d; ${psDouble}; \u201c`,
    `; touch ${marker}; rm -f ${marker}.never`,
    `&& touch ${marker} || touch ${marker}`,
    `| Out-File '${marker}'`,
    `x > ${marker}`,
    `\`touch ${marker}\``,
    `$(touch ${marker})`,
    `\`$(${ps})`,
    `\`"; ${psDouble} #`,
    `\`'; ${ps} #`,
    `%MarshalH0%%MarshalH1%%%MarshalH2%%`, // references to the corpus's own variables: expansion is single-pass
    `%PATH%%COMSPEC% /c type nul > ${marker}`,
    `@'\n'@\n${ps}\n@'\n`,
    `@"\n$(${ps})\n"@`,
    `\u001b]0;pwned\u0007\u001b[2J\u001b[1;1H$(${ps})\u001b[0m`,
    `& { ${ps} }`,
    `. ([scriptblock]::Create("${ps.replace(/"/g, '`"')}"))`,
    `$ExecutionContext.InvokeCommand.InvokeScript("${ps}")`,
    `-Value x; ${ps}`,
    `--% & touch ${marker}`,
    `x\u0000'; ${ps}; '`,
    `\n${ps}\n`,
    `\r\n${ps}\r\n`,
    `#>; ${ps}; <#`,
    `","sourceScript":"${ps}","x":"`,
    `{{ ${ps} }}`,
    `\${${ps}}`,
    `$env:PATH $null $true $tsenv ${'$'}{function:New-Item}`,
  ];
}
