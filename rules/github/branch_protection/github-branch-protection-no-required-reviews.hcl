rule "github-branch-protection-no-required-reviews" {
  title     = "GitHub branch protection does not require an approving review"
  severity  = "medium"
  area      = "configuration-posture"
  resources = [
    "github_branch_protection",
    "github_branch_protection_v3",
  ]
  aliases   = []

  description = <<-EOT
    A protected branch without a `required_pull_request_reviews` block, or with
     `required_approving_review_count = 0`, lets anyone with write access (or a leaked token) put
     code on the branch that no second person has looked at, and from there into releases and
     deployments. GitHub enforces the rule; requiring reviews is the customer's configuration (SaaS).

     Without the block no pull request is required at all. Inside the block the count defaults to 1,
     so a block that leaves it unset passes.
  EOT
  remediation = <<-EOT
    ```hcl
    resource "github_branch_protection" "main" {
      repository_id = github_repository.app.node_id
      pattern       = "main"

      required_pull_request_reviews {
        required_approving_review_count = 1
        dismiss_stale_reviews           = true
      }
    }
    ```
  EOT
  references = [
    "https://registry.terraform.io/providers/integrations/github/latest/docs/resources/branch_protection",
    "https://registry.terraform.io/providers/integrations/github/latest/docs/resources/branch_protection_v3",
    "https://docs.github.com/en/repositories/configuring-branches-and-merges-in-your-repository/managing-protected-branches/about-protected-branches",
  ]

  assert {
    every "required_pull_request_reviews" {
      attribute "required_approving_review_count" {
        gte     = 1
        default = 1
      }
    }
  }

  example "bad" {
    code = <<-EOT
      resource "github_branch_protection" "main" {  # expect: github-branch-protection-no-required-reviews
        repository_id = "app"
        pattern       = "main"
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      resource "github_branch_protection_v3" "main" {
        repository = "app"
        branch     = "main"

        required_pull_request_reviews {
          required_approving_review_count = 0  # expect: github-branch-protection-no-required-reviews
        }
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "github_branch_protection" "main" {
        repository_id = "app"
        pattern       = "main"

        required_pull_request_reviews {
          required_approving_review_count = 2
        }
      }

      resource "github_branch_protection_v3" "release" {
        repository = "app"
        branch     = "release"

        required_pull_request_reviews {
          dismiss_stale_reviews = true
        }
      }
    EOT
  }
}
