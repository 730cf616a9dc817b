rule "google-storage-bucket-access-logging" {
  title     = "Cloud Storage bucket has no usage logging"
  severity  = "medium"
  area      = "configuration-posture"
  resources = [
    "google_storage_bucket",
  ]
  aliases   = ["AVD-GCP-0077", "google-storage-enable-bucket-logging"]

  description = <<-EOT
    Usage logs record every request to the bucket's objects, including anonymous ones that Cloud
     Audit Logs data-access logging may not cover. Without them, who read or changed which object
     cannot be established after a leak. Configuring them is the customer's side; severity is medium.

     `logging.log_bucket` must be set. A bucket that only receives other buckets' usage logs is
     reported as well: exempting it needs a link through the nested `logging.log_bucket` attribute,
     which the rule language does not follow yet; suppress the finding on such a bucket.
  EOT
  remediation = "Add `logging { log_bucket = google_storage_bucket.access_logs.name }` (or enable Data Access audit logs for Cloud Storage)."
  references = [
    "https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/storage_bucket#logging",
    "https://cloud.google.com/storage/docs/access-logs",
  ]

  assert {
    attribute "logging.log_bucket" {
      present = true
    }
  }

  example "bad" {
    code = <<-EOT
      resource "google_storage_bucket" "reports" {  # expect: google-storage-bucket-access-logging
        name                        = "example-reports"
        location                    = "EU"
        uniform_bucket_level_access = true

      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "google_storage_bucket" "reports" {
        name                        = "example-reports"
        location                    = "EU"
        uniform_bucket_level_access = true

        logging {
          log_bucket = "example-access-logs"
        }
      }
    EOT
  }
}
