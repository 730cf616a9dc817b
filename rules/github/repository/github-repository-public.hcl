rule "github-repository-public" {
  title     = "GitHub repository is public"
  severity  = "high"
  area      = "data-protection"
  resources = [
    "github_repository",
  ]
  aliases   = ["AVD-GIT-0001", "GIT-0001", "github-repositories-private"]

  description = <<-EOT
    A public repository lets anyone on the internet read its code, history, issues and, often,
     configuration that was never meant to leave the organisation (internal host names, test
     credentials committed by mistake). GitHub hosts the repository; who may read it is the
     customer's configuration (SaaS).

     The provider creates repositories as **public** by default: the rule passes only when
     `visibility` is `"private"` or `"internal"`, or, where `visibility` is not set, the legacy
     `private = true` (`visibility` overrides `private`). Severity is high rather than critical:
     publishing source is often deliberate (open source), and then the finding should be suppressed
     with that reason.
  EOT
  remediation = <<-EOT
    Set the visibility explicitly:

    ```hcl
    resource "github_repository" "app" {
      name       = "app"
      visibility = "private"
    }
    ```
  EOT
  references = [
    "https://registry.terraform.io/providers/integrations/github/latest/docs/resources/repository",
    "https://docs.github.com/en/repositories/managing-your-repositorys-settings-and-features/managing-repository-settings/setting-repository-visibility",
  ]

  assert {
    any {
      attribute "visibility" {
        one_of = ["private", "internal"]
      }
      all {
        attribute "visibility" {
          present = false
        }
        attribute "private" {
          equals = true
        }
      }
    }
  }

  example "bad" {
    code = <<-EOT
      resource "github_repository" "site" {
        name       = "site"
        visibility = "public"  # expect: github-repository-public
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      resource "github_repository" "legacy" {
        name    = "legacy"
        private = false  # expect: github-repository-public
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      resource "github_repository" "defaulted" {  # expect: github-repository-public
        name = "defaulted"
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "github_repository" "app" {
        name       = "app"
        visibility = "private"
      }

      resource "github_repository" "shared" {
        name       = "shared"
        visibility = "internal"
      }

      resource "github_repository" "legacy" {
        name    = "legacy"
        private = true
      }

      resource "github_repository" "chosen" {
        name       = "chosen"
        visibility = var.visibility
      }
    EOT
  }
}
