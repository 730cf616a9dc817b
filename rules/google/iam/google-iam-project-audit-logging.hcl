rule "google-iam-project-audit-logging" {
  title     = "Project has no Data Access audit logging for all services"
  severity  = "medium"
  area      = "configuration-posture"
  compliance = {
    "cis-gcp-2.0" = ["2.1"]
  }
  resources = [
    "google_project",
  ]
  aliases   = ["CKV2_GCP_5", "AVD-GCP-0079", "google-iam-configure-audit-logging"]

  description = <<-EOT
    Admin Activity audit logs are always on, but Data Access logs (`DATA_READ`, `DATA_WRITE`) are off
     for most services. Without them there is no record of who read which secret, object or table, so
     a data leak through valid credentials cannot be investigated. Enabling them is the customer's
     choice; severity is medium (missing detection).

     The project passes when a `google_project_iam_audit_config` for it (by reference or by
     `project_id`) has `service = "allServices"` with `audit_log_config` blocks for `DATA_READ` and
     `DATA_WRITE`. Audit configuration set at folder or organization level is not visible to the
     rule; suppress the finding with that reason.
  EOT
  remediation = "Add `google_project_iam_audit_config` with `service = \"allServices\"` and `audit_log_config` blocks for `ADMIN_READ`, `DATA_READ` and `DATA_WRITE`."
  references = [
    "https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/google_project_iam#google_project_iam_audit_config",
    "https://cloud.google.com/logging/docs/audit/configure-data-access",
  ]

  assert {
    linked "google_project_iam_audit_config" {
      via   = "project"
      match = "project_id"
      attribute "service" {
        equals = "allServices"
      }
      some "audit_log_config" {
        attribute "log_type" {
          equals = "DATA_READ"
        }
      }
      some "audit_log_config" {
        attribute "log_type" {
          equals = "DATA_WRITE"
        }
      }
    }
  }

  example "bad" {
    code = <<-EOT
      resource "google_project" "app" {  # expect: google-iam-project-audit-logging
        name                = "app"
        project_id          = "example-app"
        auto_create_network = false
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      resource "google_project" "app" {  # expect: google-iam-project-audit-logging
        name                = "app"
        project_id          = "example-app"
        auto_create_network = false
      }

      resource "google_project_iam_audit_config" "app" {
        project = google_project.app.project_id
        service = "allServices"

        audit_log_config {
          log_type = "ADMIN_READ"
        }
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "google_project" "app" {
        name                = "app"
        project_id          = "example-app"
        auto_create_network = false
      }

      resource "google_project_iam_audit_config" "app" {
        project = "example-app"
        service = "allServices"

        audit_log_config {
          log_type = "DATA_READ"
        }
        audit_log_config {
          log_type = "DATA_WRITE"
        }
      }
    EOT
  }
}
