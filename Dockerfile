# syntax=docker/dockerfile:1
# Build on the official .NET SDK image; run on the ASP.NET runtime image. The runtime's C++ library is new enough
# for LibTorch, so the build's native fix detects that and does nothing here.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY global.json Directory.Build.props Directory.Build.targets Directory.Packages.props BannedSymbols.txt .editorconfig Platform.sln ./
COPY build/ build/
COPY src/ src/
COPY migrations/ migrations/
COPY wwwroot/ wwwroot/
RUN dotnet publish src/Platform.Web/Platform.Web.csproj -c Release -o /app --nologo

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
COPY --from=build /app ./
ENV ASPNETCORE_URLS=http://0.0.0.0:8080 \
    Platform__Role=all
EXPOSE 8080
USER app
# Give the container a database with ConnectionStrings__Platform (compose.yaml does); the image has no
# PostgreSQL binaries of its own to embed.
ENTRYPOINT ["dotnet", "Platform.Web.dll"]
