rule "github-actions-secret-plaintext-value" {
  title     = "GitHub Actions or Dependabot secret is given in plaintext"
  severity  = "high"
  area      = "data-protection"
  secret_values = true
  resources = [
    "github_actions_secret",
    "github_actions_environment_secret",
    "github_actions_organization_secret",
    "github_dependabot_secret",
    "github_dependabot_organization_secret",
  ]
  aliases   = ["AVD-GIT-0002", "GIT-0002", "github-environmentsecrets-no-plain-text-action-secrets"]

  description = <<-EOT
    A secret set through `plaintext_value` (named `value` in the newest provider releases) is stored
     unencrypted in the Terraform state, and in the code too when written as a literal: whoever can
     read the state or the repository has the credential that workflows use to deploy or publish.
     GitHub encrypts the secret once it has it; how the value reaches GitHub is the customer's
     configuration (SaaS). Severity is high: these are usually deployment credentials.

     The rule passes when the secret is set with `encrypted_value` (or `value_encrypted`), a value
     encrypted beforehand with the repository's or organisation's public key. It reports
     `plaintext_value` also when it comes from a variable with a value (a default or a `.tfvars`
     file), since the state still holds it in clear; a variable the scan has no value for could be
     null and is unknown.
  EOT
  remediation = <<-EOT
    Encrypt the value with the public key (`github_actions_public_key` data source) outside
    Terraform and pass the ciphertext:

    ```hcl
    resource "github_actions_secret" "deploy" {
      repository      = "app"
      secret_name     = "DEPLOY_TOKEN"
      encrypted_value = var.deploy_token_encrypted
    }
    ```
  EOT
  references = [
    "https://registry.terraform.io/providers/integrations/github/latest/docs/resources/actions_secret",
    "https://registry.terraform.io/providers/integrations/github/latest/docs/resources/actions_environment_secret",
    "https://registry.terraform.io/providers/integrations/github/latest/docs/resources/dependabot_secret",
    "https://docs.github.com/en/actions/security-for-github-actions/security-guides/using-secrets-in-github-actions",
  ]

  assert {
    attribute "plaintext_value" {
      present = false
    }
    attribute "value" {
      present = false
    }
  }

  example "bad" {
    code = <<-EOT
      resource "github_actions_environment_secret" "deploy" {
        repository      = "app"
        environment     = "production"
        secret_name     = "DEPLOY_TOKEN"
        plaintext_value = "tok-example-123"  # expect: github-actions-secret-plaintext-value
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      variable "deploy_token" {
        type      = string
        sensitive = true
        default   = "tok-example-456"
      }

      resource "github_actions_secret" "deploy" {
        repository      = "app"
        secret_name     = "DEPLOY_TOKEN"
        plaintext_value = var.deploy_token  # expect: github-actions-secret-plaintext-value
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      resource "github_dependabot_organization_secret" "registry" {
        secret_name = "REGISTRY_TOKEN"
        visibility  = "all"
        value       = "tok-example-789"  # expect: github-actions-secret-plaintext-value
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "github_actions_environment_secret" "deploy" {
        repository      = "app"
        environment     = "production"
        secret_name     = "DEPLOY_TOKEN"
        encrypted_value = var.deploy_token_encrypted
      }

      resource "github_actions_organization_secret" "npm" {
        secret_name     = "NPM_TOKEN"
        visibility      = "private"
        encrypted_value = var.npm_token_encrypted
      }

      resource "github_dependabot_secret" "registry" {
        repository      = "app"
        secret_name     = "REGISTRY_TOKEN"
        value_encrypted = var.registry_token_encrypted
      }
    EOT
  }
}
