rule "github-branch-protection-unsigned-commits" {
  title     = "GitHub branch protection does not require signed commits"
  severity  = "medium"
  area      = "configuration-posture"
  resources = [
    "github_branch_protection",
    "github_branch_protection_v3",
  ]
  aliases   = ["AVD-GIT-0004", "GIT-0004", "github-branchprotections-require-signed-commits"]

  description = <<-EOT
    Without `require_signed_commits = true` the protected branch accepts commits whose author
     cannot be verified: anyone with push access, or a stolen token, can push commits that claim to
     come from another developer. GitHub verifies the signatures; requiring them on the branch is the
     customer's configuration (SaaS).

     `require_signed_commits` defaults to `false` in both `github_branch_protection` and
     `github_branch_protection_v3`. Severity is medium: signing proves authorship, while reviews and
     push restrictions (see `github-branch-protection-no-required-reviews`) decide what may merge.
  EOT
  remediation = <<-EOT
    ```hcl
    resource "github_branch_protection" "main" {
      repository_id          = github_repository.app.node_id
      pattern                = "main"
      require_signed_commits = true
    }
    ```
  EOT
  references = [
    "https://registry.terraform.io/providers/integrations/github/latest/docs/resources/branch_protection",
    "https://registry.terraform.io/providers/integrations/github/latest/docs/resources/branch_protection_v3",
    "https://docs.github.com/en/authentication/managing-commit-signature-verification/about-commit-signature-verification",
  ]

  assert {
    attribute "require_signed_commits" {
      equals  = true
      default = false
    }
  }

  example "bad" {
    code = <<-EOT
      resource "github_branch_protection" "main" {
        repository_id          = "app"
        pattern                = "main"
        require_signed_commits = false  # expect: github-branch-protection-unsigned-commits
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      resource "github_branch_protection_v3" "main" {  # expect: github-branch-protection-unsigned-commits
        repository = "app"
        branch     = "main"
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "github_branch_protection" "main" {
        repository_id          = "app"
        pattern                = "main"
        require_signed_commits = true
      }

      resource "github_branch_protection_v3" "release" {
        repository             = "app"
        branch                 = "release"
        require_signed_commits = true
      }
    EOT
  }
}
