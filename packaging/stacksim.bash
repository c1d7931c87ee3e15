# bash completion for stacksim. Subcommands and their options are read from the help of the
# stacksim being completed (so they are always those of the installed version); after --set and
# --vary it offers the JSON pointers of the scenario file already on the command line.

# The entries of one section of `stacksim [COMMAND...] --help` ("Options:", "Subcommands:"):
# for options one "NAME TYPE" line each ("--seed UINT", "--quiet -"), for subcommands the names.
# CLI11 writes the name and type in the first 30 columns and the description after them.
_stacksim_help_words() {
  local section=$1
  shift
  "$_stacksim_program" "$@" --help 2>/dev/null | awk -v section="$section" '
    /^[A-Za-z][A-Za-z ]*:$/ { current = $0; next }
    current == section && /^  [^ ]/ {
      if (section != "Options:") { print $1; next }
      spec = substr($0, 3)
      if (length($0) > 30 && substr($0, 30, 1) == " ") spec = substr($0, 3, 27)
      n = split(spec, parts, " ")
      type = n >= 2 ? parts[2] : "-"
      count = split(parts[1], names, ",")
      for (i = 1; i <= count; i++) if (names[i] ~ /^--/) print names[i], type
    }'
}

_stacksim() {
  local cur=${COMP_WORDS[COMP_CWORD]} prev=""
  ((COMP_CWORD > 0)) && prev=${COMP_WORDS[COMP_CWORD - 1]}
  _stacksim_program=${COMP_WORDS[0]}
  COMPREPLY=()

  # The subcommands (nested, as in "lab check") and the first scenario-like file after them.
  local command=() scenario="" i word subcommands
  subcommands=$(_stacksim_help_words Subcommands:)
  for ((i = 1; i < COMP_CWORD; i++)); do
    word=${COMP_WORDS[i]}
    if [[ $word != -* && -z $scenario ]] && grep -qxF -- "$word" <<<"$subcommands"; then
      command+=("$word")
      subcommands=$(_stacksim_help_words Subcommands: "${command[@]}")
    elif [[ ${#command[@]} -gt 0 && -z $scenario && $word == *.json && -f $word ]]; then
      scenario=$word
    fi
  done

  if [[ ${#command[@]} -eq 0 ]]; then
    if [[ $cur == -* ]]; then
      COMPREPLY=($(compgen -W "--help --version" -- "$cur"))
    else
      COMPREPLY=($(compgen -W "$subcommands" -- "$cur"))
    fi
    return 0
  fi

  local options
  options=$(_stacksim_help_words Options: "${command[@]}")
  # The value of the option before the cursor, by what the option is.
  if [[ $prev == --* ]]; then
    local type
    type=$(awk -v name="$prev" '$1 == name { print $2 }' <<<"$options")
    if [[ -n $type && $type != "-" ]]; then
      case $prev in
        --set | --vary)
          if [[ -n $scenario ]]; then
            compopt -o nospace 2>/dev/null
            COMPREPLY=($(compgen -W "$("$_stacksim_program" __pointers "$scenario" 2>/dev/null)" \
              -- "$cur"))
          fi
          return 0
          ;;
        --out)
          COMPREPLY=($(compgen -d -- "$cur"))
          return 0
          ;;
      esac
      case $type in
        *:\{*\})  # a list of words, e.g. TEXT:{p99,p95,p50,mean}
          local words=${type#*:\{}
          words=${words%\}}
          COMPREPLY=($(compgen -W "${words//,/ }" -- "$cur"))
          ;;
        TEXT*)  # a file name, unless the option takes a duration
          case $prev in
            --duration | --warmup | --window | --at | --latency-target | --labels | --shard) ;;
            *) COMPREPLY=($(compgen -f -- "$cur")) ;;
          esac
          ;;
      esac  # numbers: nothing to offer
      return 0
    fi
  fi

  if [[ $cur == -* ]]; then
    COMPREPLY=($(compgen -W "$(awk '{ print $1 }' <<<"$options")" -- "$cur"))
    return 0
  fi
  # A further subcommand (lab check), else scenario files and directories to reach them.
  if [[ -n $subcommands ]]; then
    COMPREPLY=($(compgen -W "$subcommands" -- "$cur"))
    return 0
  fi
  compopt -o filenames 2>/dev/null
  COMPREPLY=($(compgen -f -X '!*.json' -- "$cur") $(compgen -d -- "$cur"))
  return 0
}

complete -F _stacksim stacksim
