# Runs a command-line program and checks its exit code and, optionally, its output.
# Used by ctest for ledgertool. Variables (-D):
#   TOOL            the program
#   ARGS            its arguments, separated by '|'
#   EXPECT_EXIT     the exit code it must return
#   EXPECT_STDOUT   (optional) a file whose content stdout must equal exactly
#   EXPECT_LINES    (optional) lines ('|'-separated) that must each appear in stdout
#   EXPECT_STDERR_LINES (optional) the same for stderr
cmake_minimum_required(VERSION 3.16)
string(REPLACE "|" ";" tool_args "${ARGS}")
execute_process(COMMAND ${TOOL} ${tool_args}
                RESULT_VARIABLE exit_code
                OUTPUT_VARIABLE out
                ERROR_VARIABLE err)
if(NOT exit_code STREQUAL EXPECT_EXIT)
    message(FATAL_ERROR "exit code ${exit_code}, expected ${EXPECT_EXIT}\nstdout:\n${out}\nstderr:\n${err}")
endif()
if(DEFINED EXPECT_STDOUT)
    file(READ "${EXPECT_STDOUT}" expected)
    if(NOT out STREQUAL expected)
        message(FATAL_ERROR "stdout differs from ${EXPECT_STDOUT}:\n${out}")
    endif()
endif()
foreach(stream out err)
    if(stream STREQUAL "out")
        set(wanted "${EXPECT_LINES}")
    else()
        set(wanted "${EXPECT_STDERR_LINES}")
    endif()
    if(wanted STREQUAL "")
        continue()
    endif()
    string(REPLACE "|" ";" wanted "${wanted}")
    foreach(line IN LISTS wanted)
        string(FIND "${${stream}}" "${line}\n" at)
        if(at EQUAL -1)
            message(FATAL_ERROR "std${stream} lacks the line: ${line}\nstdout:\n${out}\nstderr:\n${err}")
        endif()
    endforeach()
endforeach()
