@REM Grades the exercises: grade.cmd 4 (one lesson) or grade.cmd all.
@REM Prints a points table and writes JUnit XML, Exercism and Gradescope results.json to
@REM target\grading\. The first run asks Maven for the libraries.
@echo off
setlocal
cd /d "%~dp0"
set "OUT=target\grading"
set "CLASSPATH_FILE=%OUT%\classpath.txt"
set "RUNNER=%OUT%\runner"
if not exist "%CLASSPATH_FILE%" (
  if not exist "%OUT%" mkdir "%OUT%"
  echo Resolving the libraries once ^(Maven^)... 1>&2
  call mvnw.cmd -q dependency:build-classpath -Dmdep.includeScope=test "-Dmdep.outputFile=%CLASSPATH_FILE%" 1>&2 || exit /b 2
)
for /f "usebackq delims=" %%i in ("%CLASSPATH_FILE%") do set "DEPS=%%i"
rem The class path goes through CLASSPATH: long, and free of quoting trouble.
set "CLASSPATH=%DEPS%"
if exist "%RUNNER%" rmdir /s /q "%RUNNER%"
mkdir "%RUNNER%"
dir /b /s src\test\java\lab\videofarm\grading\runner\*.java | findstr /v /e "Test.java" > "%OUT%\runner-sources.txt"
javac -nowarn -encoding UTF-8 --release 17 -d "%RUNNER%" @"%OUT%\runner-sources.txt" || exit /b 2
set "CLASSPATH=%RUNNER%;%DEPS%"
java -Xss2m -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -Duser.language=en -Duser.country=US lab.videofarm.grading.runner.Grade %*
