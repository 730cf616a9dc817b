rule "azure-authorization-subscription-owner-assignment" {
  title     = "Owner, Contributor or User Access Administrator assigned at subscription scope"
  severity  = "high"
  area      = "identity-access"
  resources = ["azurerm_role_assignment"]

  description = <<-EOT
    Owner, Contributor and User Access Administrator at the scope of a whole subscription let the
    principal change (Contributor) or also hand out access to (Owner, User Access Administrator)
    every resource in it. Assignments like these should be few, held by a managed group with
    Privileged Identity Management, not created ad hoc for users, service principals or pipelines
    in Terraform. Who holds which role is the customer's side of Azure RBAC.

    The rule applies to assignments whose `scope` is a subscription ID (`/subscriptions/<id>`) and
    reports `role_definition_name` Owner, Contributor or User Access Administrator. A scope known
    only after apply (`data.azurerm_subscription.current.id`) is unknown, not a finding. Severity is
    high: standing administrative privilege.
  EOT
  remediation = "Assign a narrower built-in or custom role, at a resource group or resource scope, or make the privileged assignment eligible through Privileged Identity Management for a managed admin group."
  references = [
    "https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/role_assignment",
    "https://learn.microsoft.com/en-us/azure/role-based-access-control/best-practices",
  ]

  when {
    attribute "scope" {
      matches = "^/subscriptions/[^/]+/?$"
    }
  }

  assert {
    attribute "role_definition_name" {
      not_one_of = ["Owner", "Contributor", "User Access Administrator"]
      default    = ""
    }
  }

  example "bad" {
    code = <<-EOT
      resource "azurerm_role_assignment" "pipeline" {
        scope                = "/subscriptions/00000000-0000-0000-0000-000000000000"
        role_definition_name = "Owner"  # expect: azure-authorization-subscription-owner-assignment
        principal_id         = "11111111-1111-1111-1111-111111111111"
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      variable "subscription_id" {
        type    = string
        default = "00000000-0000-0000-0000-000000000000"
      }

      resource "azurerm_role_assignment" "dev" {
        scope                = "/subscriptions/$${var.subscription_id}"
        role_definition_name = "Contributor"  # expect: azure-authorization-subscription-owner-assignment
        principal_id         = "22222222-2222-2222-2222-222222222222"
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "azurerm_role_assignment" "pipeline" {
        scope                = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-app"
        role_definition_name = "Contributor"
        principal_id         = "11111111-1111-1111-1111-111111111111"
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "azurerm_role_assignment" "auditors" {
        scope                = "/subscriptions/00000000-0000-0000-0000-000000000000"
        role_definition_name = "Reader"
        principal_id         = "33333333-3333-3333-3333-333333333333"
      }
    EOT
  }
}
