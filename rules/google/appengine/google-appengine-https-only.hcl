rule "google-appengine-https-only" {
  title     = "App Engine version serves requests over plain HTTP"
  severity  = "medium"
  area      = "data-protection"
  resources = [
    "google_app_engine_standard_app_version",
    "google_app_engine_flexible_app_version",
  ]
  compliance = {
    "cis-gcp-2.0" = ["4.10"]
  }

  description = <<-EOT
    A handler whose `security_level` is not `SECURE_ALWAYS` answers plain HTTP requests (or, with
    `SECURE_NEVER`, redirects HTTPS to HTTP), so session cookies, credentials and personal data of
    those requests cross the network unencrypted and can be read or changed on the way.
    `SECURE_ALWAYS` redirects every HTTP request to HTTPS. The handlers are the customer's
    application configuration.

    The security level of a handler defaults to optional (HTTP and HTTPS both served), so every
    `handlers` block must set `security_level = "SECURE_ALWAYS"`; a version that declares no
    handler gets App Engine's default handler and is reported at the resource.
  EOT
  remediation = "Add `security_level = \"SECURE_ALWAYS\"` to every `handlers` block of the version (and declare a catch-all handler if there is none)."
  references = [
    "https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/app_engine_standard_app_version#security_level",
    "https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/app_engine_flexible_app_version#security_level",
    "https://cloud.google.com/appengine/docs/standard/reference/app-yaml",
  ]

  assert {
    every "handlers" {
      attribute "security_level" {
        equals = "SECURE_ALWAYS"
      }
    }
  }

  example "bad" {
    code = <<-EOT
      resource "google_app_engine_standard_app_version" "web" {
        version_id = "v1"
        service    = "default"
        runtime    = "python312"

        entrypoint {
          shell = "gunicorn -b :$PORT main:app"
        }

        deployment {
          zip {
            source_url = "https://storage.googleapis.com/example-deploy/web.zip"
          }
        }

        handlers {
          url_regex      = ".*"
          security_level = "SECURE_OPTIONAL"  # expect: google-appengine-https-only
          script {
            script_path = "auto"
          }
        }
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      resource "google_app_engine_standard_app_version" "web" {  # expect: google-appengine-https-only
        version_id = "v1"
        service    = "default"
        runtime    = "python312"

        entrypoint {
          shell = "gunicorn -b :$PORT main:app"
        }

        deployment {
          zip {
            source_url = "https://storage.googleapis.com/example-deploy/web.zip"
          }
        }
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "google_app_engine_standard_app_version" "web" {
        version_id = "v1"
        service    = "default"
        runtime    = "python312"

        entrypoint {
          shell = "gunicorn -b :$PORT main:app"
        }

        deployment {
          zip {
            source_url = "https://storage.googleapis.com/example-deploy/web.zip"
          }
        }

        handlers {
          url_regex      = "/static/.*"
          security_level = "SECURE_ALWAYS"
          static_files {
            path              = "static/\\1"
            upload_path_regex = "static/.*"
          }
        }

        handlers {
          url_regex      = ".*"
          security_level = "SECURE_ALWAYS"
          script {
            script_path = "auto"
          }
        }
      }
    EOT
  }
}
