@echo off
rem Windows launcher: builds the application on first use and runs it (see README).
setlocal
set ROOT=%~dp0
set JAR=%ROOT%app\target\msoko.jar
if not exist "%JAR%" (
  echo Сборка приложения...
  pushd "%ROOT%" && call mvn -B -q -DskipTests package && popd
)
if "%MSOKO_DATA%"=="" set MSOKO_DATA=%ROOT%data
java %MSOKO_JAVA_OPTS% -jar "%JAR%" %*
