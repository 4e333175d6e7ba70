using System;
using System.Collections;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Globalization;
using System.Management.Automation.Language;

namespace TsSequence.Steps.PowerShellScript
{
    /// <summary>One script argument: a parameter name (null for a positional value), its value, and whether it has one (a switch has none).</summary>
    internal sealed class ScriptArgument
    {
        internal ScriptArgument(string? name, object? value, bool hasValue)
        {
            Name = name;
            Value = value;
            HasValue = hasValue;
        }

        internal string? Name { get; }

        internal object? Value { get; }

        internal bool HasValue { get; }
    }

    /// <summary>
    /// A Run PowerShell Script step's 'parameters' as data. Named values (an object) map one to
    /// one. A ConfigMgr-style string ("-Name 'x' -Count 3 -Force") is split by PowerShell's parser,
    /// never run: only literal values are accepted (quoted or bare strings, numbers, comma lists),
    /// so a variable, sub-expression or second statement is an error, not code. %var% references
    /// are expanded in each value after the split, so a variable's value can never change how the
    /// parameters are split.
    /// </summary>
    internal static class ScriptArguments
    {
        internal static List<ScriptArgument> Parse(object? parameters, TsEnvironment environment)
        {
            var list = new List<ScriptArgument>();
            if (parameters == null)
            {
                return list;
            }

            if (parameters is IDictionary named)
            {
                foreach (DictionaryEntry entry in named)
                {
                    list.Add(new ScriptArgument(Convert.ToString(entry.Key, CultureInfo.InvariantCulture), Expand(entry.Value, environment), true));
                }

                return list;
            }

            string text = Convert.ToString(parameters, CultureInfo.InvariantCulture) ?? string.Empty;
            if (text.Trim().Length == 0)
            {
                return list;
            }

            // Parse-only: a fixed command word lets the parser read the text in argument mode.
            ScriptBlockAst ast = Parser.ParseInput("tsseq-parameters " + text, out Token[] _, out ParseError[] errors);
            if (errors.Length > 0)
            {
                throw new ArgumentException($"parameters: '{text}' could not be parsed: {errors[0].Message}");
            }

            ReadOnlyCollection<StatementAst>? statements = ast.EndBlock?.Statements;
            CommandAst? command = null;
            if (statements != null && statements.Count == 1 && statements[0] is PipelineAst pipeline &&
                pipeline.PipelineElements.Count == 1 && pipeline.PipelineElements[0] is CommandAst only)
            {
                command = only;
            }

            if (command == null || command.Redirections.Count > 0)
            {
                throw new ArgumentException($"parameters: '{text}' must be a plain list of script parameters (no ';', '|', redirection or second statement).");
            }

            ReadOnlyCollection<CommandElementAst> elements = command.CommandElements;
            for (int index = 1; index < elements.Count; index++)
            {
                CommandElementAst element = elements[index];
                if (element is CommandParameterAst parameter)
                {
                    if (parameter.Argument != null)
                    {
                        list.Add(new ScriptArgument(parameter.ParameterName, Expand(Literal(parameter.Argument), environment), true));
                    }
                    else if (index + 1 < elements.Count && !(elements[index + 1] is CommandParameterAst))
                    {
                        // "-Name value": paired here, because a parameter handed to the binder without
                        // its value is read as a switch. A switch before a positional value needs -Switch:$true.
                        index++;
                        list.Add(new ScriptArgument(parameter.ParameterName, Expand(Literal(elements[index]), environment), true));
                    }
                    else
                    {
                        list.Add(new ScriptArgument(parameter.ParameterName, null, false));
                    }

                    continue;
                }

                list.Add(new ScriptArgument(null, Expand(Literal(element), environment), true));
            }

            return list;
        }

        private static object? Literal(Ast ast)
        {
            switch (ast)
            {
                case StringConstantExpressionAst constant:
                    return constant.Value;
                case ExpandableStringExpressionAst expandable when expandable.NestedExpressions.Count == 0:
                    return expandable.Value;
                case ConstantExpressionAst value:
                    return value.Value;
                case VariableExpressionAst variable when IsConstantVariable(variable.VariablePath.UserPath):
                    // $true/$false/$null are constants, not data from outside: allowed for -Switch:$false.
                    switch (variable.VariablePath.UserPath.ToLowerInvariant())
                    {
                        case "true":
                            return true;
                        case "false":
                            return false;
                        default:
                            return null;
                    }

                case ArrayLiteralAst array:
                    var items = new object?[array.Elements.Count];
                    for (int i = 0; i < items.Length; i++)
                    {
                        items[i] = Literal(array.Elements[i]);
                    }

                    return items;
            }

            throw new ArgumentException($"parameters: {ast.Extent.Text} is not a literal value. Script parameters are passed as data, so variables and expressions are not evaluated; quote the value, or use %Name% to insert a task sequence variable.");
        }

        private static bool IsConstantVariable(string name) =>
            string.Equals(name, "true", StringComparison.OrdinalIgnoreCase) || string.Equals(name, "false", StringComparison.OrdinalIgnoreCase) || string.Equals(name, "null", StringComparison.OrdinalIgnoreCase);

        private static object? Expand(object? value, TsEnvironment environment)
        {
            if (value is string text)
            {
                return environment.Expand(text);
            }

            if (value is object?[] items)
            {
                var expanded = new object?[items.Length];
                for (int i = 0; i < items.Length; i++)
                {
                    expanded[i] = Expand(items[i], environment);
                }

                return expanded;
            }

            return value;
        }
    }
}
