rule "google-cloudfunctions-https-only" {
  title     = "HTTP-triggered Cloud Function (1st gen) accepts plain HTTP"
  severity  = "medium"
  area      = "data-protection"
  resources = ["google_cloudfunctions_function"]
  aliases   = ["CKV2_GCP_10"]

  description = <<-EOT
    A 1st gen function with an HTTP trigger answers both `http://` and `https://` URLs unless
    `https_trigger_security_level = "SECURE_ALWAYS"`, which redirects plain HTTP to HTTPS. Requests
    sent over plain HTTP expose their tokens, payloads and responses on the network. The trigger
    settings are the customer's.

    The setting defaults to `SECURE_OPTIONAL`, so HTTP-triggered functions (`trigger_http = true`)
    must set it to `SECURE_ALWAYS`. Event-triggered functions and 2nd gen functions
    (`google_cloudfunctions2_function`, always HTTPS only) are not in scope.
  EOT
  remediation = "Set `https_trigger_security_level = \"SECURE_ALWAYS\"` on the function."
  references = [
    "https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/cloudfunctions_function#https_trigger_security_level",
    "https://cloud.google.com/functions/docs/securing",
  ]

  when {
    attribute "trigger_http" {
      equals = true
    }
  }
  assert {
    attribute "https_trigger_security_level" {
      equals  = "SECURE_ALWAYS"
      default = "SECURE_OPTIONAL"
    }
  }

  example "bad" {
    code = <<-EOT
      resource "google_cloudfunctions_function" "hook" {  # expect: google-cloudfunctions-https-only
        name                  = "hook"
        runtime               = "python312"
        entry_point           = "handle"
        source_archive_bucket = "example-functions"
        source_archive_object = "hook.zip"
        trigger_http          = true
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      resource "google_cloudfunctions_function" "hook" {
        name                         = "hook"
        runtime                      = "python312"
        entry_point                  = "handle"
        source_archive_bucket        = "example-functions"
        source_archive_object        = "hook.zip"
        trigger_http                 = true
        https_trigger_security_level = "SECURE_OPTIONAL"  # expect: google-cloudfunctions-https-only
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "google_cloudfunctions_function" "hook" {
        name                         = "hook"
        runtime                      = "python312"
        entry_point                  = "handle"
        source_archive_bucket        = "example-functions"
        source_archive_object        = "hook.zip"
        trigger_http                 = true
        https_trigger_security_level = "SECURE_ALWAYS"
      }

      resource "google_cloudfunctions_function" "on_upload" {
        name                  = "on-upload"
        runtime               = "python312"
        entry_point           = "handle"
        source_archive_bucket = "example-functions"
        source_archive_object = "on-upload.zip"

        event_trigger {
          event_type = "google.storage.object.finalize"
          resource   = "example-uploads"
        }
      }
    EOT
  }
}
