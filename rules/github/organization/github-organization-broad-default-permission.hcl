rule "github-organization-broad-default-permission" {
  title     = "GitHub organization gives every member write or admin access to all repositories"
  severity  = "medium"
  area      = "identity-access"
  resources = [
    "github_organization_settings",
  ]
  aliases   = []

  description = <<-EOT
    `default_repository_permission` is the base permission every organization member has on every
     repository. With `"write"` or `"admin"` any member, or any member's stolen token, can push to
     (or, with admin, change the settings and protections of) every repository, including ones the
     member has no business in. GitHub enforces the permission; the base level is the customer's
     configuration (SaaS).

     The default is `"read"`; `"read"` and `"none"` pass. Grant write access per team with
     `github_team_repository` instead.
  EOT
  remediation = "Set `default_repository_permission = \"read\"` (or `\"none\"`) and grant write access through teams (`github_team_repository`)."
  references = [
    "https://registry.terraform.io/providers/integrations/github/latest/docs/resources/organization_settings",
    "https://docs.github.com/en/organizations/managing-user-access-to-your-organizations-repositories/managing-repository-roles/setting-base-permissions-for-an-organization",
  ]

  assert {
    attribute "default_repository_permission" {
      one_of  = ["read", "none"]
      default = "read"
    }
  }

  example "bad" {
    code = <<-EOT
      resource "github_organization_settings" "org" {
        billing_email                 = "billing@example.com"
        default_repository_permission = "write"  # expect: github-organization-broad-default-permission
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      resource "github_organization_settings" "org" {
        billing_email                 = "billing@example.com"
        default_repository_permission = "admin"  # expect: github-organization-broad-default-permission
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "github_organization_settings" "org" {
        billing_email                 = "billing@example.com"
        default_repository_permission = "read"
      }

      resource "github_organization_settings" "defaulted" {
        billing_email = "billing@example.com"
      }
    EOT
  }
}
