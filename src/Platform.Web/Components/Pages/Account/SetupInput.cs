using System.ComponentModel.DataAnnotations;
using Platform.Core.Security;

namespace Platform.Web.Components.Pages.Account;

public sealed class SetupInput
{
    [Required(ErrorMessage = "Choose a user name.")]
    [RegularExpression(@"^[A-Za-z0-9._@\-]{1,64}$", ErrorMessage = "A user name has 1 to 64 letters, digits, '.', '_', '-' or '@'.")]
    public string UserName { get; set; } = "";

    [Required(ErrorMessage = "Choose a password.")]
    [StringLength(UserAccountService.MaxPasswordLength, MinimumLength = UserAccountService.MinPasswordLength,
        ErrorMessage = "A password has 12 to 200 characters.")]
    public string Password { get; set; } = "";

    [Compare(nameof(Password), ErrorMessage = "The two passwords differ.")]
    public string ConfirmPassword { get; set; } = "";
}
