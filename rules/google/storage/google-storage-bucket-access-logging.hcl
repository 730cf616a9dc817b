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

     `logging.log_bucket` must be set. A bucket that receives usage logs (another bucket of the
     configuration names it in `logging.log_bucket`, by reference or by its `name`) is not asked
     to log itself: logging it to itself would loop, and its own access is best recorded by Cloud
     Audit Logs. When another bucket's `log_bucket` is known only after apply, a bucket without
     logging is left undecided, since it may be that log bucket.
  EOT
  remediation = "Add `logging { log_bucket = google_storage_bucket.access_logs.name }` (or enable Data Access audit logs for Cloud Storage)."
  references = [
    "https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/storage_bucket#logging",
    "https://cloud.google.com/storage/docs/access-logs",
  ]

  # A bucket that receives usage logs is not asked to log itself.
  assert {
    any {
      attribute "logging.log_bucket" {
        present = true
      }
      linked "google_storage_bucket" {
        via   = "logging.log_bucket"
        match = "name"
      }
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

  example "good" {
    code = <<-EOT
      resource "google_storage_bucket" "access_logs" {
        name                        = "example-access-logs"
        location                    = "EU"
        uniform_bucket_level_access = true
      }

      resource "google_storage_bucket" "media" {
        name                        = "example-media"
        location                    = "EU"
        uniform_bucket_level_access = true

        logging {
          log_bucket = google_storage_bucket.access_logs.name
        }
      }

      resource "google_storage_bucket" "archive_logs" {
        name                        = "example-archive-logs"
        location                    = "EU"
        uniform_bucket_level_access = true
      }

      resource "google_storage_bucket" "archive" {
        name                        = "example-archive"
        location                    = "EU"
        uniform_bucket_level_access = true

        logging {
          log_bucket = "example-archive-logs"
        }
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      resource "google_storage_bucket" "access_logs" {
        name                        = "example-access-logs"
        location                    = "EU"
        uniform_bucket_level_access = true
      }

      resource "google_storage_bucket" "media" {
        name                        = "example-media"
        location                    = "EU"
        uniform_bucket_level_access = true

        logging {
          log_bucket = google_storage_bucket.access_logs.name
        }
      }

      resource "google_storage_bucket" "reports" {  # expect: google-storage-bucket-access-logging google_storage_bucket.reports
        name                        = "example-reports"
        location                    = "EU"
        uniform_bucket_level_access = true
      }
    EOT
  }
}
